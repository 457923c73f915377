package exercise.oneoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import exercise.support.Elsewhere;
import exercise.support.ExerciseRules;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import testsupport.Hold;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.FileStorage;
import todo.persistence.Storage;

/**
 * What exercise 7.3.4 asks for. The build runs this class against your code, the reference solution
 * and the starter; the process rules check the code under test as well.
 */
@AnalyzeClasses(packagesOf = OneOffWorkersTest.class, importOptions = ImportOption.DoNotIncludeTests.class)
class OneOffWorkersTest {
    @ArchTest
    static final ArchTests processRules = ExerciseRules.ALL;

    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);

    /** A crash in a process, or a failed caller thread, fails the test at once, saying why. */
    @RegisterExtension
    final Elsewhere elsewhere = new Elsewhere();

    @TempDir
    Path folder;

    /** What this test started, closed after it. */
    private final List<Database> started = new ArrayList<>();

    @AfterEach
    void closeWhatStarted() {
        started.forEach(Database::close);
    }

    private Database start(Storage storage) {
        var database = OneOffWorkerDatabase.start(storage);
        started.add(database);
        return database;
    }

    private static TodoList listOf(String title) {
        return TodoList.of(List.of(new TodoEntry(DEC_19, title)));
    }

    @Test
    void whatIsStoredComesBack() {
        var database = start(new FileStorage(folder));

        database.store("bob", listOf("Dentist"));

        elsewhere.await().until(() -> listOf("Dentist").equals(database.get("bob")));
        assertThat(database.get("nobody")).isNull();
    }

    @Test
    void aSlowGetDoesNotDelayOtherRequests() throws InterruptedException {
        var slowDisk = Hold.readsOf("slow");
        var files = new FileStorage(folder);
        files.write("slow", todo.persistence.codec.TermCodec.encode(listOf("Slow")));
        var database = start(slowDisk.around(files));
        var slowAnswer = Collections.synchronizedList(new ArrayList<TodoList>());
        Thread slowCaller = elsewhere.start(() -> slowAnswer.add(database.get("slow")));

        // While the slow read hangs, the database process keeps answering.
        database.store("fast", listOf("Fast"));
        elsewhere.await().until(() -> listOf("Fast").equals(database.get("fast")));
        assertThat(slowAnswer).isEmpty();

        slowDisk.release();
        elsewhere.join(slowCaller);
        assertThat(slowAnswer).containsExactly(listOf("Slow"));
    }

    @Test
    void everyCallerGetsItsOwnAnswer() throws InterruptedException {
        var database = start(new FileStorage(folder));
        IntStream.range(0, 100).forEach(i -> database.store("list " + i, listOf("entry " + i)));
        elsewhere.await().until(
                () -> IntStream.range(0, 100).allMatch(i -> database.get("list " + i) != null));

        Map<Integer, TodoList> answers = Collections.synchronizedMap(new HashMap<>());
        var callers = new ArrayList<Thread>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            callers.add(elsewhere.start(() -> answers.put(n, database.get("list " + n))));
        }
        elsewhere.join(callers);

        IntStream.range(0, 100)
                .forEach(i -> assertThat(answers.get(i)).isEqualTo(listOf("entry " + i)));
    }
}
