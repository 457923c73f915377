package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import todo.TodoEntry;
import todo.TodoList;

/**
 * The second way the designs differ: can two writes of one list overtake each other? A to-do
 * server stores its list twice (one entry, then two); the storage holds the older write. If the
 * second can start and land meanwhile, the older list lands last and the second entry is lost.
 * Nothing here is left to a race: the held write decides the interleaving.
 */
class OvertakingTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);
    private static final TodoList ONE = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));
    private static final TodoList TWO = ONE.addEntry(new TodoEntry(DEC_19, "Movies"));

    @TempDir
    Path folder;

    static Stream<Arguments> designs() {
        return Stream.of(
                Arguments.of(Design.SINGLE_PROCESS, false), // one mailbox, in order
                Arguments.of(Design.BYPASS, false), // the server writes itself: the second waits
                                                    // for the first
                Arguments.of(Design.ONE_OFF_WORKERS, true), // two one-off processes, nothing orders
                                                            // them
                Arguments.of(Design.POOLED, false), // same key, same worker, in order
                Arguments.of(Design.CHECKOUT_POOL, true), // any free worker: the readers' question
                                                          // in the book's tracker
                Arguments.of(Design.SQL, false)); // the server waits for its statement, like design
                                                  // 2
    }

    @ParameterizedTest
    @MethodSource("designs")
    void twoWritesOfOneList(Design design, boolean canOvertake) {
        var hold = Hold.writesOf(ONE);
        var database = design.start(folder, hold::around).database();

        // One process stores twice, as a to-do server does after two additions.
        Thread.ofVirtual().start(() -> {
            database.store("bob", ONE);
            database.store("bob", TWO);
        });
        await().until(() -> hold.started.contains(ONE));

        if (canOvertake) {
            await().until(() -> hold.completed.contains(TWO)); // the newer list is on disk first
            hold.release();
            await().until(() -> hold.completed.size() == 2);
            assertThat(hold.completed).containsExactly(TWO, ONE);
            assertThat(database.get("bob")).isEqualTo(ONE); // "Movies" is lost
        } else {
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> hold.started.size() == 1); // the second waits behind the first
            hold.release();
            await().until(() -> hold.completed.size() == 2);
            assertThat(hold.completed).containsExactly(ONE, TWO);
            assertThat(database.get("bob")).isEqualTo(TWO);
        }
    }
}
