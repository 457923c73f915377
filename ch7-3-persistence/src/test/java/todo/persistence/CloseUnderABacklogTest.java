package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import genserver.GenServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testsupport.Hold;
import todo.TodoEntry;
import todo.TodoList;

/**
 * {@code close()} of the last user while the database has a backlog: it waits until every
 * accepted store is on disk, however long that takes (issue point 4: it threw after OTP's 5 s
 * and a program that closed under load kept 11,274 of 114,115 entries). The backlog is held for
 * just past those 5 s, the one test here that waits seconds: nothing shorter shows the old limit.
 */
class CloseUnderABacklogTest {
    private static final TodoList ONE = TodoList.of(
            List.of(new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));

    @TempDir
    Path folder;

    @Test
    void closeWaitsPastFiveSecondsUntilEveryAcceptedStoreIsOnDisk() {
        var hold = Hold.everyWrite();
        var database = TodoDatabase.start(new FileStorage(folder), hold::around);
        for (int i = 0; i < 20; i++) {
            database.store("list " + i, ONE);
        }
        var closed = new AtomicBoolean();
        var failure = new AtomicReference<Throwable>();
        Thread.ofVirtual().start(() -> {
            try {
                database.close();
                closed.set(true);
            } catch (Throwable t) {
                failure.set(t);
            }
        });

        await().during(Duration.ofMillis(5_500)).atMost(Duration.ofSeconds(10))
                .until(() -> failure.get() == null && !closed.get());
        hold.release();

        await().until(() -> closed.get() || failure.get() != null);
        assertThat(failure.get()).isNull();
        assertThat(GenServer.isAlive(database.pid())).isFalse();
        var disk = new ListStore(new FileStorage(folder));
        for (int i = 0; i < 20; i++) {
            assertThat(disk.load("list " + i)).as("list %d", i).isEqualTo(ONE);
        }
    }
}
