package exercise.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import exercise.support.ExerciseRules;
import genserver.GenServer;
import genserver.Pid;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.TodoServer;

/**
 * What exercise 7.3.3 asks for. The build runs this class against your code, the reference solution
 * and the starter; the process rules check the code under test as well.
 */
@AnalyzeClasses(packagesOf = CallTimeoutTest.class, importOptions = ImportOption.DoNotIncludeTests.class)
class CallTimeoutTest {
    @ArchTest
    static final ArchTests processRules = ExerciseRules.ALL;

    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);
    private static final LocalDate DEC_20 = LocalDate.of(2023, 12, 20);
    private static final TodoList STORED = TodoList.of(List.of(
            new TodoEntry(DEC_19, "Dentist"), new TodoEntry(DEC_20, "Shopping")));

    /** The slow disk of a test's slow database: opened when the test ends, whatever happened. */
    private final CountDownLatch slowDisk = new CountDownLatch(1);
    private final List<Pid<TodoServer.Request>> servers = new ArrayList<>();

    private Pid<TodoServer.Request> start(Database database) {
        var server = TodoServer.start("bob", database);
        servers.add(server);
        return server;
    }

    @AfterEach
    void stopTheServers() {
        slowDisk.countDown();
        servers.stream().filter(GenServer::isAlive).forEach(GenServer::stop);
    }

    private static Optional<List<TodoEntry>> entries(Pid<TodoServer.Request> server,
            LocalDate date, Duration timeout) {
        return TimedEntries.entries(server, date, timeout);
    }

    @Test
    void anAnswerInTimeIsReturned() {
        Database database = mock(Database.class);
        when(database.get("bob")).thenReturn(STORED);
        var server = start(database);

        assertThat(entries(server, DEC_19, Duration.ofSeconds(5))).hasValueSatisfying(
                entries -> assertThat(entries).extracting(TodoEntry::title)
                        .containsExactly("Dentist"));
    }

    @Test
    void aServerThatIsTooSlowGivesNoEntries() {
        var server = start(slowDatabase(slowDisk)); // stuck loading its list

        assertThat(entries(server, DEC_19, Duration.ofMillis(100))).isEmpty();
    }

    @Test
    void theLateReplyNeverReachesTheNextCall() {
        var server = start(slowDatabase(slowDisk));
        assertThat(entries(server, DEC_19, Duration.ofMillis(100))).isEmpty();

        slowDisk.countDown(); // the server now answers the abandoned call: Dentist, for Dec 19

        assertThat(entries(server, DEC_20, Duration.ofSeconds(5))).hasValueSatisfying(
                entries -> assertThat(entries).extracting(TodoEntry::title)
                        .containsExactly("Shopping"));
        assertThat(GenServer.messageQueueLength(server)).isZero();
    }

    /** A database whose load waits for the latch. */
    private static Database slowDatabase(CountDownLatch latch) {
        return new Database() {
            @Override
            public void store(String key, TodoList list) {}

            @Override
            public TodoList get(String key) {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return STORED;
            }
        };
    }
}
