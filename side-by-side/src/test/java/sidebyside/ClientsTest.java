package sidebyside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The programs' clients: a client that stops is reported, never measured as if it had run. */
class ClientsTest {

    /** A call that times out, or a server that crashes, stops the run instead of printing zeros. */
    @Test
    void aClientThatStopsIsReportedNotMeasured() {
        assertThatThrownBy(() -> Clients.inClient("test", () -> {
            throw new IllegalStateException("a call timed out");
        })).isInstanceOf(Clients.ClientStopped.class)
                .hasMessage("the client stopped before its figures were taken:"
                        + " java.lang.IllegalStateException: a call timed out");
    }

    @Test
    void oneStoppedClientOfManyIsReportedAfterTheOthersHaveEnded() {
        var ended = new ConcurrentLinkedQueue<Integer>();
        assertThatThrownBy(() -> Clients.inClients("test", List.of(
                () -> ended.add(1),
                () -> {
                    throw new IllegalStateException("the cache crashed");
                },
                () -> ended.add(3))))
                .isInstanceOf(Clients.ClientStopped.class)
                .hasMessageEndingWith("the cache crashed");
        assertThat(ended).containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void clientsThatFinishAllRunOnVirtualThreads() throws InterruptedException {
        var virtual = new ConcurrentLinkedQueue<Boolean>();
        Runnable call = () -> virtual.add(Thread.currentThread().isVirtual());
        Clients.inClients("test", List.of(call, call, call));
        assertThat(virtual).containsExactly(true, true, true);
    }
}
