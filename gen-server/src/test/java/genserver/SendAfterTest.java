package genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import genserver.Probe.Both;
import genserver.Probe.Msg;
import genserver.Probe.Record;
import genserver.Probe.Recorded;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OTP's {@code Process.send_after}: a cast that arrives later, from no process. */
class SendAfterTest {

    @Test
    void theMessageArrivesAsACastOnceTheDelayHasPassed() {
        Pid<Msg> probe = GenServer.start(new Probe());
        int processes = GenServer.processCount();
        long sent = System.nanoTime();

        GenServer.sendAfter(probe, new Record("later"), Duration.ofMillis(100));

        assertThat(GenServer.processCount()).isEqualTo(processes); // a timer is not a process
        assertThat(GenServer.call(probe, new Recorded())).isEmpty();
        await().until(() -> !GenServer.call(probe, new Recorded()).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(
                Duration.ofMillis(100));
        assertThat(GenServer.call(probe, new Recorded())).containsExactly("later");
        GenServer.stop(probe);
    }

    @Test
    void aNegativeDelayIsRefused() {
        Pid<Msg> probe = GenServer.start(new Probe());

        assertThatThrownBy(() -> GenServer.sendAfter(probe, new Record("x"), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
        GenServer.stop(probe);
    }

    @Test
    void aRequestThatIsAlsoACallIsRefusedAtOnceNotWhenItsTimerFires() {
        Pid<Msg> probe = GenServer.start(new Probe());

        assertThatThrownBy(() -> GenServer.sendAfter(probe, new Both(), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a call");
    }
}
