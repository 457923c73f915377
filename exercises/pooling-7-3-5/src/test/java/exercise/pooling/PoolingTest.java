package exercise.pooling;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import exercise.support.Elsewhere;
import exercise.support.ExerciseRules;
import genserver.GenServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import testsupport.Hold;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.FileStorage;
import todo.persistence.Storage;
import todo.persistence.TodoCache;
import todo.persistence.TodoServer;

/**
 * What exercise 7.3.5 asks for. The build runs this class against your code, the reference solution
 * and the starter; the process rules check the code under test as well.
 */
@AnalyzeClasses(packagesOf = PoolingTest.class, importOptions = ImportOption.DoNotIncludeTests.class)
class PoolingTest {
    @ArchTest
    static final ArchTests processRules = ExerciseRules.ALL;

    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);

    /** A crash in a process, or a failed caller thread, fails the test at once, saying why. */
    @RegisterExtension
    final Elsewhere elsewhere = new Elsewhere();

    @TempDir
    Path folder;

    /** A database of 3 workers over {@code storage}. */
    private static PooledDatabase start(Storage storage) {
        return PooledDatabase.start(storage, 3);
    }

    /** Instruction 1 on its own: one worker, before any pool. */
    @Test
    void aWorkerOnItsOwnStoresAndGets() {
        var worker = DatabaseWorker.start(new FileStorage(folder));
        TodoList list = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));

        DatabaseWorker.store(worker, "bob", list);

        elsewhere.await().until(() -> list.equals(DatabaseWorker.get(worker, "bob")));
        assertThat(DatabaseWorker.get(worker, "nobody")).isNull();
        GenServer.stop(worker);
    }

    @Test
    void whatIsStoredComesBack() {
        var database = start(new FileStorage(folder));
        TodoList list = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));

        database.store("bob", list);

        elsewhere.await().until(() -> list.equals(database.get("bob")));
        assertThat(database.get("nobody")).isNull();
    }

    @Test
    void nothingIsLostWithOneHundredConcurrentWriters() throws InterruptedException {
        var database = start(new FileStorage(folder));
        var writers = new ArrayList<Thread>();
        for (int w = 0; w < 100; w++) {
            String key = "list " + w;
            writers.add(elsewhere.start(
                    () -> database.store(key, TodoList.of(List.of(new TodoEntry(DEC_19, key))))));
        }
        elsewhere.join(writers);

        elsewhere.await().until(
                () -> IntStream.range(0, 100).allMatch(w -> database.get("list " + w) != null));
    }

    @Test
    void theListsSurviveACacheRestart() {
        var database = start(new FileStorage(folder));
        var cache = TodoCache.start(database);
        TodoServer.addEntry(TodoCache.serverProcess(cache, "john"),
                new TodoEntry(DEC_19, "Shopping"));
        elsewhere.await().until(() -> database.get("john") != null);

        GenServer.stop(cache);
        cache = TodoCache.start(database);

        assertThat(TodoServer.entries(TodoCache.serverProcess(cache, "john"), DEC_19))
                .extracting(TodoEntry::title).containsExactly("Shopping");
    }

    @Test
    void theSameKeyAlwaysGoesToTheSameWorker() {
        var database = start(new FileStorage(folder));

        assertThat(
                IntStream.range(0, 20).mapToObj(i -> database.chooseWorker("bobs_list")).distinct())
                .hasSize(1);
    }

    @Test
    void keysSpreadOverAllThreeWorkers() {
        var database = start(new FileStorage(folder));

        assertThat(
                IntStream.range(0, 300).mapToObj(i -> database.chooseWorker("list " + i))
                        .distinct())
                .hasSize(3);
    }

    @Test
    void aKeyWithANegativeHashHasAWorkerToo() {
        var database = start(new FileStorage(folder));

        // "polygenelubricants".hashCode() is Integer.MIN_VALUE
        assertThat(database.chooseWorker("polygenelubricants")).isNotNull();
    }

    @Test
    void atMostThreeWritesRunAtOnce() {
        var hold = Hold.everyWrite();
        var database = start(hold.around(new FileStorage(folder)));
        List<String> keys = IntStream.range(0, 20).mapToObj(i -> "list " + i).toList();
        keys.forEach(key -> elsewhere.start(
                () -> database.store(key, TodoList.of(List.of(new TodoEntry(DEC_19, key))))));

        elsewhere.await().until(() -> hold.inFlight() == 3);
        elsewhere.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> hold.inFlight() == 3);
        hold.release();

        elsewhere.await().until(() -> keys.stream().allMatch(key -> database.get(key) != null));
        assertThat(hold.mostAtOnce()).isEqualTo(3);
    }

    @Test
    void twoWritesOfOneListNeverOvertakeEachOther() {
        TodoList one = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));
        TodoList two = one.addEntry(new TodoEntry(DEC_19, "Movies"));
        var hold = Hold.writesOf(one);
        var database = start(hold.around(new FileStorage(folder)));

        elsewhere.start(() -> {
            database.store("bob", one);
            database.store("bob", two);
        });
        elsewhere.await().until(() -> hold.started.contains(one));
        elsewhere.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> hold.started.size() == 1);
        hold.release();

        elsewhere.await().until(() -> two.equals(database.get("bob")));
        assertThat(hold.completed).containsExactly(one, two);
    }
}
