package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import genserver.GenServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import todo.TodoEntry;
import todo.TodoList;

/**
 * The first way the designs differ: how many writes run at once. Every write is held until the
 * test lets go, while 20 to-do servers each store their list; then we count the writes running.
 */
@ExtendWith(QuickPolling.class)
class WritesAtOnceTest {
    private static final int BURST = 20;

    @TempDir
    Path folder;

    static Stream<Arguments> designs() {
        return Stream.of(
                Arguments.of(Design.SINGLE_PROCESS, 1),
                Arguments.of(Design.BYPASS, BURST), // unbounded: one per server
                Arguments.of(Design.ONE_OFF_WORKERS, BURST), // unbounded: one per request
                Arguments.of(Design.POOLED, Design.POOL_SIZE),
                Arguments.of(Design.CHECKOUT_POOL, Design.POOL_SIZE),
                Arguments.of(Design.SQL, Design.POOL_SIZE));
    }

    @ParameterizedTest
    @MethodSource("designs")
    void aBurstRunsThisManyWritesAtOnce(Design design, int expected) {
        var meter = WriteMeter.start();
        var hold = Hold.everyWrite();
        try (var running = design.start(folder, WriteMeter.hooks(meter).andThen(hold))) {
            try {
                List<String> keys = IntStream.range(0, BURST).mapToObj(i -> "list " + i).toList();
                // Each key from its own process, as 20 to-do servers would store.
                keys.forEach(key -> Thread.ofVirtual().start(() -> running.database().store(key,
                        TodoList.of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), key))))));

                // Every write is accounted for: running (and held), or waiting in the design's queue.
                await().until(() -> WriteMeter.read(meter).inFlight() == expected
                        && running.queueLength().getAsInt() == BURST - expected);

                hold.release();
                await().until(
                        () -> keys.stream().allMatch(key -> running.database().get(key) != null));
                assertThat(WriteMeter.read(meter).mostAtOnce()).isEqualTo(expected);
            } finally {
                hold.release(); // before the close, which waits for the held writes
            }
        } finally {
            GenServer.stop(meter);
        }
    }
}
