package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import genserver.GenServer;
import genserver.Pid;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testsupport.Hold;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.FileStorage;

/** The book's exercise 7.3.5, solved: three workers, a fixed key-to-worker mapping. */
class PooledDatabaseTest {
    @TempDir
    Path folder;

    private final List<PooledDatabase> started = new ArrayList<>();

    /** A pool this test closes when it ends. */
    private PooledDatabase started(PooledDatabase database) {
        started.add(database);
        return database;
    }

    /** Every pool a test started is closed, and has ended, workers and all. */
    @AfterEach
    void closeThePools() {
        for (PooledDatabase database : started) {
            var processes = new ArrayList<Pid<?>>(database.workers());
            processes.add(database.pid());
            database.close();
            await().until(() -> processes.stream().noneMatch(GenServer::isAlive));
        }
    }

    @Test
    void theSameKeyAlwaysReachesTheSameWorker() {
        var database = started(PooledDatabase.start(folder));

        var first = database.chooseWorker("bobs_list");
        IntStream.range(0, 100)
                .forEach(i -> assertThat(database.chooseWorker("bobs_list")).isEqualTo(first));
    }

    @Test
    void keysSpreadOverAllThreeWorkers() {
        var database = started(PooledDatabase.start(folder));

        var workers = IntStream.range(0, 300).mapToObj(i -> database.chooseWorker("list " + i))
                .collect(Collectors.groupingBy(pid -> pid, Collectors.counting()));

        assertThat(workers).hasSize(3);
        assertThat(workers.values()).allMatch(count -> count > 50);
    }

    @Test
    void aNegativeHashCodeStillChoosesAWorker() {
        assertThat("polygenelubricants".hashCode()).isEqualTo(Integer.MIN_VALUE);
        assertThat(PooledDatabase.workerIndex("polygenelubricants", 3)).isBetween(0, 2);
        assertThat(started(PooledDatabase.start(folder)).chooseWorker("polygenelubricants"))
                .isNotNull();
    }

    @Test
    void theCallerTalksToTheWorkerDirectly() {
        var hold = Hold.everyWrite();
        var database = started(PooledDatabase.start(hold.around(new FileStorage(folder)), 3));
        var worker = database.chooseWorker("bob");
        TodoList list = TodoList.of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));

        for (int i = 0; i < 5; i++) {
            database.store("bob", list);
        }

        // The worker holds the requests; the database process only named the worker.
        await().until(() -> GenServer.messageQueueLength(worker) == 4);
        assertThat(GenServer.messageQueueLength(database.pid())).isZero();
        hold.release();
        await().until(() -> list.equals(database.get("bob")));
    }

    @Test
    void aPoolNeedsAWorker() {
        assertThatThrownBy(() -> PooledDatabase.start(folder, 0))
                .hasMessage("a pool needs at least one worker, not 0");
    }

    @Test
    void aWorkerThatDiedIsReplacedBeforeItsKeysAreServed() {
        var database = started(PooledDatabase.start(folder));
        var dead = database.chooseWorker("bob");
        GenServer.stop(dead, "a bug"); // what a crash would leave behind

        var next = database.chooseWorker("bob");
        TodoList list = TodoList.of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));
        database.store("bob", list);

        assertThat(next).isNotEqualTo(dead);
        assertThat(GenServer.isAlive(next)).isTrue();
        assertThat(database.get("bob")).isEqualTo(list);
    }
}
