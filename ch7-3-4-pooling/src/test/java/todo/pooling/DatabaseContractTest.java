package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import genserver.GenServer;
import genserver.Pid;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.TodoCache;
import todo.persistence.TodoDatabase;
import todo.persistence.TodoServer;

/** What every design owes the to-do system, whatever it does inside. */
@ExtendWith(QuickPolling.class)
class DatabaseContractTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);

    @TempDir
    Path folder;

    private Design.Running running;

    private Database start(Design design) {
        running = design.start(folder);
        return running.database();
    }

    @AfterEach
    void close() {
        running.close();
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void whatIsStoredComesBack(Design design) {
        var database = start(design);
        TodoList list = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));

        database.store("bob", list);

        await().until(() -> list.equals(database.get("bob")));
        assertThat(database.get("nobody")).isNull();
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void nothingIsLostWithOneHundredConcurrentWriters(Design design) throws InterruptedException {
        var database = start(design);
        var writers = new ArrayList<Thread>();
        for (int w = 0; w < 100; w++) {
            String key = "list " + w;
            TodoList list = TodoList.of(List.of(new TodoEntry(DEC_19, key)));
            writers.add(Thread.ofVirtual().start(() -> database.store(key, list)));
        }
        for (Thread writer : writers) {
            writer.join();
        }

        await().until(
                () -> IntStream.range(0, 100).allMatch(w -> database.get("list " + w) != null));
        for (int w = 0; w < 100; w++) {
            String key = "list " + w;
            assertThat(database.get(key).entries(DEC_19)).extracting(TodoEntry::title)
                    .containsExactly(key);
        }
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void theListsSurviveACacheRestart(Design design) {
        var database = start(design);
        var cache = TodoCache.start(database);
        TodoServer.addEntry(TodoCache.serverProcess(cache, "john"),
                new TodoEntry(DEC_19, "Shopping"));
        await().until(() -> database.get("john") != null);

        GenServer.stop(cache);
        cache = TodoCache.start(database);

        assertThat(TodoServer.entries(TodoCache.serverProcess(cache, "john"), DEC_19))
                .extracting(TodoEntry::title).containsExactly("Shopping");
    }

    @ParameterizedTest
    @EnumSource(names = {"SINGLE_PROCESS", "ONE_OFF_WORKERS", "POOLED", "CHECKOUT_POOL"})
    void aSecondStartOnTheSameFolderUsesTheRunningDatabase(Design design) {
        var database = start(design);
        TodoList list = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));
        database.store("bob", list);

        try (var second = design.start(folder)) {
            assertThat(processOf(second.database())).isSameAs(processOf(database));
            await().until(() -> list.equals(second.database().get("bob")));
        }
    }

    /** The process behind a design's handle (for design 5, the one that owns its pool). */
    private static Pid<?> processOf(Database database) {
        return switch (database) {
            case TodoDatabase single -> single.pid();
            case OneOffWorkerDatabase oneOff -> oneOff.pid();
            case PooledDatabase pooled -> pooled.pid();
            case CheckoutPoolDatabase checkout -> checkout.owner();
            default -> throw new IllegalArgumentException(database + " has no process");
        };
    }
}
