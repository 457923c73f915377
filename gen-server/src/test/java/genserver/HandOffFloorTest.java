package genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandOffFloorTest {
    /** A lost wake-up would leave a client or the server parked forever: the test then fails. */
    @Test
    void everyHandOffIsAnsweredFromOneClientOrFromMany() {
        long nanos = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> HandOffFloor.exchange(64, 64 * 50));
        double micros = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> HandOffFloor.roundTripMicros(2_000));
        double perSecond = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> HandOffFloor.perSecond(8, 800));

        assertThat(nanos).isPositive();
        assertThat(micros).isPositive().isFinite();
        assertThat(perSecond).isPositive().isFinite();
    }

    @Test
    void itNeedsAClientAndAnExchangeForEach() {
        assertThatThrownBy(() -> HandOffFloor.exchange(0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need at least one client and an exchange each: 0, 10");
        assertThatThrownBy(() -> HandOffFloor.exchange(4, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need at least one client and an exchange each: 4, 3");
    }
}
