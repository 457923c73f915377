package sidebyside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HandOffFloorTest {
    /**
     * A lost wake-up would leave a client or the server parked forever, and a request left
     * unanswered (or answered twice) fails the server's own count: either way the test fails.
     */
    @Test
    void everyHandOffIsAnsweredOnce() {
        long nanos = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> HandOffFloor.exchange(64, 64 * 50));
        double micros = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> HandOffFloor.roundTripMicros(2_000));
        double perSecond = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> HandOffFloor.perSecond(3, 10));

        assertThat(nanos).isPositive();
        // A round trip takes a fraction of a microsecond to some milliseconds on a busy machine:
        // a figure outside that range is in the wrong unit.
        assertThat(micros).isBetween(0.01, 10_000.0);
        assertThat(perSecond).isBetween(100.0, 100_000_000.0);
    }

    @Test
    void itNeedsAClientAndAnExchangeForEach() {
        assertThatThrownBy(() -> HandOffFloor.exchange(0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need at least one client and an exchange each: 0, 10");
        assertThatThrownBy(() -> HandOffFloor.exchange(4, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need at least one client and an exchange each: 4, 3");
        assertThatThrownBy(() -> HandOffFloor.perSecond(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need at least one client and an exchange each: 0, 0");
        assertThatThrownBy(() -> HandOffFloor.roundTripMicros(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need at least one client and an exchange each: 1, 0");
    }

    @Test
    void anInterruptedMeasurementStopsAtOnce() {
        var result = new CompletableFuture<Throwable>();
        Thread measuring = Thread.ofPlatform().start(() -> {
            try {
                HandOffFloor.exchange(2, Integer.MAX_VALUE);
                result.complete(null);
            } catch (Throwable t) {
                result.complete(t);
            }
        });

        measuring.interrupt();

        await().atMost(Duration.ofSeconds(10)).until(result::isDone);
        assertThat(result.join()).isInstanceOf(InterruptedException.class);
    }
}
