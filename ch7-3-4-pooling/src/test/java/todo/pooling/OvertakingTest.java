package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static todo.pooling.HeldWrites.hooks;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import testsupport.Hold;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.Database;

/**
 * The second way the designs differ: can two writes of one list overtake each other? A to-do
 * server stores its list twice (one entry, then two); the storage holds the older write. If the
 * second can start and land meanwhile, the older list lands last and the second entry is lost.
 * Nothing here is left to a race: the held write decides the interleaving.
 */
@ExtendWith(QuickPolling.class)
class OvertakingTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);
    private static final TodoList ONE = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));
    private static final TodoList TWO = ONE.addEntry(new TodoEntry(DEC_19, "Movies"));

    @TempDir
    Path folder;

    private Design.Running running;

    @AfterEach
    void close() {
        running.close();
    }

    /** One process stores twice, as a to-do server does after two additions. */
    private Thread storeOneThenTwo(Database database) {
        return Thread.ofVirtual().start(() -> {
            database.store("bob", ONE);
            database.store("bob", TWO);
        });
    }

    /** Only the first write has started; let it go, and the second follows it. */
    private void theWritesLandInOrder(Hold hold) {
        assertThat(hold.started).containsExactly(ONE);
        hold.release();
        await().until(() -> hold.completed.size() == 2);
        assertThat(hold.completed).containsExactly(ONE, TWO);
        assertThat(running.database().get("bob")).isEqualTo(TWO);
    }

    /** The second write waits in the mailbox of the one process that holds the first. */
    @ParameterizedTest
    @EnumSource(names = {"SINGLE_PROCESS", "POOLED"})
    void theSecondWriteWaitsInTheSameMailbox(Design design) {
        var hold = Hold.writesOf(ONE);
        running = design.start(folder, hooks(hold));

        storeOneThenTwo(running.database());
        await().until(() -> hold.started.contains(ONE) && running.queueLength().getAsInt() == 1);

        theWritesLandInOrder(hold);
    }

    /** The server writes itself: its second store cannot begin before its first returns. */
    @ParameterizedTest
    @EnumSource(names = {"BYPASS", "SQL"})
    void theSecondWriteWaitsInTheWritersOwnProcess(Design design) {
        var hold = Hold.writesOf(ONE);
        running = design.start(folder, hooks(hold));

        Thread writer = storeOneThenTwo(running.database());
        await().until(() -> hold.started.contains(ONE)
                && writer.getState() == Thread.State.WAITING); // parked inside the first write

        theWritesLandInOrder(hold);
    }

    /**
     * Two one-off processes (3), or any free worker (5, the readers' question in the book's
     * tracker): nothing orders the two writes, and the older lands last. The process that started
     * them knows it ran two at once, and writes the newer list once more, alone.
     */
    @ParameterizedTest
    @EnumSource(names = {"ONE_OFF_WORKERS", "CHECKOUT_POOL"})
    void theNewerWriteOvertakesTheOlder(Design design) {
        var hold = Hold.writesOf(ONE);
        running = design.start(folder, hooks(hold));

        storeOneThenTwo(running.database());
        await().until(() -> hold.started.contains(ONE));
        await().until(() -> hold.completed.contains(TWO)); // the newer list is on disk first
        hold.release();
        await().until(() -> hold.completed.size() >= 3);

        // overtaken: "Movies" was lost, until the newer list was written once more, last
        assertThat(hold.completed).containsExactly(TWO, ONE, TWO);
        assertThat(running.database().get("bob")).isEqualTo(TWO);
    }
}
