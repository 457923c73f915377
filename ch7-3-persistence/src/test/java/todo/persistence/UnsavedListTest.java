package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import genserver.GenServer;
import genserver.Pid;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;
import todo.TodoList;

/**
 * A to-do server whose store throws (the designs that write in the caller, here in miniature over
 * a disk that fails for a while): it keeps its list, writes it again by itself once the disk is
 * back, without waiting for a change that may never come, and tries once more as it stops (issue
 * point 5: 5 of 10 entries survived an orderly stop).
 */
class UnsavedListTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);

    /** Design 2 in miniature: the store runs in the caller, the list's own server, and throws. */
    private record InTheCaller(ListStore store) implements Database {
        @Override
        public void store(String key, TodoList list) {
            store.save(key, list);
        }

        @Override
        public TodoList get(String key) {
            return store.load(key);
        }
    }

    @TempDir
    Path folder;
    private FailingDisk disk;
    private Pid<TodoServer.Request> bob;
    private LogRecords logs;

    @BeforeEach
    void startWithAFullDisk() {
        logs = LogRecords.of(TodoServer.class);
        disk = new FailingDisk(new FileStorage(folder));
        bob = TodoServer.start("bob", new InTheCaller(new ListStore(disk)));
        disk.fail(new IOException("No space left on device"));
        TodoServer.addEntry(bob, new TodoEntry(DEC_19, "Movies"));
        TodoServer.addEntry(bob, new TodoEntry(DEC_19, "Shopping"));
        await().until(() -> logs.messages().stream()
                .anyMatch(m -> m.startsWith("cannot write the to-do list 'bob'")));
    }

    @AfterEach
    void stop() {
        if (GenServer.isAlive(bob)) {
            GenServer.stop(bob);
        }
        logs.close();
    }

    private TodoList onDisk() {
        return new ListStore(new FileStorage(folder)).load("bob");
    }

    @Test
    void theListIsWrittenAgainByItsServerOnceTheDiskIsBackWithoutAnotherChange() {
        disk.heal();

        await().until(() -> onDisk() != null && onDisk().size() == 2);
        assertThat(logs.messages()).contains("the to-do list 'bob' is stored again");
    }

    @Test
    void anUnsavedListIsStoredOnceMoreAsItsServerStops() {
        disk.heal();

        GenServer.stop(bob);

        assertThat(onDisk()).isNotNull().extracting(TodoList::size).isEqualTo(2);
    }

    @Test
    void aListThatCannotBeStoredAsItsServerStopsIsLoggedAsLostWithItsName() {
        GenServer.stop(bob);

        assertThat(onDisk()).isNull();
        assertThat(logs.messages()).anyMatch(m -> m.startsWith("the to-do list 'bob' is lost with"
                + " its server") && m.contains("No space left on device"));
    }
}
