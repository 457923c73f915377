package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import genserver.GenServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.FileStorage;

/** The book's exercise 7.3.5, solved: three workers, a fixed key-to-worker mapping. */
class PooledDatabaseTest {
    @TempDir
    Path folder;

    @Test
    void theSameKeyAlwaysReachesTheSameWorker() {
        try (var database = PooledDatabase.start(folder)) {
            var first = database.chooseWorker("bobs_list");
            IntStream.range(0, 100).forEach(
                    i -> assertThat(database.chooseWorker("bobs_list")).isEqualTo(first));
        }
    }

    @Test
    void keysSpreadOverAllThreeWorkers() {
        try (var database = PooledDatabase.start(folder)) {
            var workers = IntStream.range(0, 300)
                    .mapToObj(i -> database.chooseWorker("list " + i))
                    .collect(Collectors.groupingBy(pid -> pid, Collectors.counting()));

            assertThat(workers).hasSize(3);
            assertThat(workers.values()).allMatch(count -> count > 50);
        }
    }

    @Test
    void aNegativeHashCodeStillChoosesAWorker() {
        assertThat("polygenelubricants".hashCode()).isEqualTo(Integer.MIN_VALUE);
        assertThat(PooledDatabase.workerIndex("polygenelubricants", 3)).isBetween(0, 2);
        try (var database = PooledDatabase.start(folder)) {
            assertThat(database.chooseWorker("polygenelubricants")).isNotNull();
        }
    }

    @Test
    void theCallerTalksToTheWorkerDirectly() {
        var hold = Hold.everyWrite();
        // not registered: a pool over any storage
        try (var database = PooledDatabase.start(hold.around(new FileStorage(folder)), 3)) {
            try {
                var worker = database.chooseWorker("bob");
                TodoList list = TodoList
                        .of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));

                for (int i = 0; i < 5; i++) {
                    database.store("bob", list);
                }

                // The worker holds the requests; the database process only named the worker.
                await().until(() -> GenServer.messageQueueLength(worker) == 4);
                assertThat(GenServer.messageQueueLength(database.pid())).isZero();
                hold.release();
                await().until(() -> list.equals(database.get("bob")));
            } finally {
                hold.release(); // before the close, which waits for the held writes
            }
        }
    }

    @Test
    void aPoolNeedsAWorker() {
        assertThatThrownBy(() -> PooledDatabase.start(folder, 0))
                .hasMessage("a pool needs at least one worker, not 0");
    }

    @Test
    void aWorkerThatDiedIsReplacedBeforeItsKeysAreServed() {
        try (var database = PooledDatabase.start(folder)) {
            var dead = database.chooseWorker("bob");
            GenServer.stop(dead, "a bug"); // what a crash would leave behind

            var next = database.chooseWorker("bob");
            TodoList list = TodoList
                    .of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));
            database.store("bob", list);

            assertThat(next).isNotEqualTo(dead);
            assertThat(GenServer.isAlive(next)).isTrue();
            assertThat(database.get("bob")).isEqualTo(list);
        }
    }
}
