package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static todo.pooling.HeldWrites.hooks;

import genserver.GenServer;
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
import todo.persistence.FileStorage;
import todo.persistence.ListStore;
import todo.persistence.TodoCache;
import todo.persistence.TodoServer;

/**
 * A get answers the latest accepted store, even while its write is still running: designs 3 and
 * 5 keep that list in a process of their own (the database process, the ledger) until the write
 * reports; the others order the get behind the write (1, 4) or write in the caller (2, 6). The
 * book's restart test is the case that matters: a new server loading its list must not read the
 * file that the last write is still replacing, or its next change overwrites the lost entry for
 * good.
 */
@ExtendWith(QuickPolling.class)
class ReadYourWritesTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);
    private static final TodoEntry E1 = new TodoEntry(DEC_19, "Dentist");
    private static final TodoEntry E2 = new TodoEntry(DEC_19, "Shopping");
    private static final TodoEntry E3 = new TodoEntry(DEC_19, "Movies");
    private static final TodoEntry E4 = new TodoEntry(DEC_19, "Gym");
    private static final TodoList E1_ONLY = TodoList.empty().addEntry(E1);
    private static final TodoList E12 = E1_ONLY.addEntry(E2);
    private static final TodoList E123 = E12.addEntry(E3);

    @TempDir
    Path folder;

    private Design.Running running;
    private Hold hold;

    @AfterEach
    void close() {
        hold.release(); // never leave a write held behind a close
        running.close();
    }

    @ParameterizedTest
    @EnumSource(names = {"ONE_OFF_WORKERS", "CHECKOUT_POOL"})
    void aGetWhileTheStoreIsBeingWrittenAnswersTheStoredList(Design design) {
        hold = Hold.writesOf(E123);
        running = design.start(folder, hooks(hold));
        var database = running.database();
        database.store("bob", E12);
        await().until(() -> hold.completed.contains(E12)); // written, so it cannot overtake

        database.store("bob", E123);
        await().until(() -> hold.started.contains(E123));

        assertThat(database.get("bob")).isEqualTo(E123); // not the file's E12
        hold.release();
        await().until(() -> hold.completed.contains(E123));
        assertThat(database.get("bob")).isEqualTo(E123);
        assertThat(onDisk(design)).isEqualTo(E123);
    }

    /**
     * The cache (and with it the server) stops while the server's last store is still being
     * written; a new cache's server loads the list, then changes it. Every design keeps all the
     * entries.
     */
    @ParameterizedTest
    @EnumSource(Design.class)
    void aRestartWhileTheLastWriteRunsKeepsEveryEntry(Design design) {
        hold = Hold.writesOf(E123);
        running = design.start(folder, hooks(hold));
        var cache = TodoCache.start(running.database());
        var bob = TodoCache.serverProcess(cache, "bob");
        TodoServer.addEntry(bob, E1);
        TodoServer.addEntry(bob, E2);
        // both written, so that no older write can overtake a later one (designs 3 and 5)
        await().until(() -> hold.completed.containsAll(List.of(E1_ONLY, E12)));
        TodoServer.addEntry(bob, E3);
        await().until(() -> hold.started.contains(E123));
        boolean writesInTheServer = design == Design.BYPASS || design == Design.SQL;
        if (writesInTheServer) { // its store is the write: the server ends once it is done
            hold.release();
        }
        GenServer.stop(cache);

        cache = TodoCache.start(running.database());
        var newBob = TodoCache.serverProcess(cache, "bob");
        if (design == Design.SINGLE_PROCESS || design == Design.POOLED) {
            hold.release(); // the load waits behind the write in one mailbox
        }
        assertThat(TodoServer.entries(newBob, DEC_19)).extracting(TodoEntry::title)
                .containsExactly("Dentist", "Shopping", "Movies");
        hold.release();
        await().until(() -> hold.completed.contains(E123)); // then the next write, not racing it
        TodoServer.addEntry(newBob, E4);

        TodoList all = E123.addEntry(E4);
        await().until(() -> all.equals(onDisk(design)));
        GenServer.stop(cache);
    }

    /** What the storage holds, past any list a design keeps in memory. */
    private TodoList onDisk(Design design) {
        return design == Design.SQL
                ? running.database().get("bob")
                : new ListStore(new FileStorage(folder)).load("bob");
    }
}
