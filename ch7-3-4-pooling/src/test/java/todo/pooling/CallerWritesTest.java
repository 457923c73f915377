package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import todo.pooling.safety.WriteHooks;

import genserver.GenServer;
import genserver.Pid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.FileStorage;
import todo.persistence.TodoCache;
import todo.persistence.TodoServer;

/**
 * Designs 2 and 6 write in the caller, the list's own to-do server: after a full disk, the server
 * writes its list again by itself, the design's {@code writeStatus} says which lists wait, {@code
 * retry} writes them, and an orderly stop loses nothing (issue point 5: the status said nothing
 * was unsaved, and 5 of 10 entries survived a stop).
 */
@ExtendWith(QuickPolling.class)
class CallerWritesTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);

    @TempDir
    Path root;
    private final AtomicBoolean full = new AtomicBoolean();
    private Design.Running running;
    private Database database;
    private Pid<TodoCache.Request> cache;

    private Pid<TodoServer.Request> bobOnAFullDisk(Design design, int entries) {
        running = design.start(new FileStorage(root), new WriteHooks() {
            @Override
            public void begin(String key, byte[] bytes) {
                if (full.get()) {
                    throw new UncheckedIOException(new IOException("No space left on device"));
                }
            }
        });
        database = running.database();
        cache = TodoCache.start(database);
        var bob = TodoCache.serverProcess(cache, "bob");
        full.set(true);
        for (int i = 1; i <= entries; i++) {
            TodoServer.addEntry(bob, new TodoEntry(DEC_19, "entry " + i));
        }
        assertThat(TodoServer.entries(bob, DEC_19)).hasSize(entries);
        return bob;
    }

    @AfterEach
    void close() {
        if (cache != null && GenServer.isAlive(cache)) {
            GenServer.stop(cache);
        }
        running.close();
    }

    private int onDisk() {
        TodoList bob = database.get("bob");
        return bob == null ? 0 : bob.size();
    }

    @ParameterizedTest
    @EnumSource(names = {"BYPASS", "SQL"})
    void writeStatusNamesTheListItsServerKeeps(Design design) {
        bobOnAFullDisk(design, 2);

        await().until(() -> database.writeStatus().unsaved().equals(List.of("bob")));
        assertThat(database.writeStatus().failedWrites()).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(names = {"BYPASS", "SQL"})
    void retryWritesTheListItsServerKeeps(Design design) {
        bobOnAFullDisk(design, 2);
        await().until(() -> database.writeStatus().unsaved().equals(List.of("bob")));

        full.set(false);
        database.retry();

        await().until(() -> database.writeStatus().unsaved().isEmpty());
        assertThat(onDisk()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(names = {"BYPASS", "SQL"})
    void theServerWritesItsListAgainByItselfOnceTheDiskIsBack(Design design) {
        bobOnAFullDisk(design, 2);
        await().until(() -> !database.writeStatus().unsaved().isEmpty());

        full.set(false); // no retry, and no further change

        await().until(() -> onDisk() == 2);
        await().until(() -> database.writeStatus().unsaved().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(names = {"BYPASS", "SQL"})
    void anOrderlyStopWritesAListThatFailedWhileTheDiskWasFull(Design design) {
        bobOnAFullDisk(design, 10);
        full.set(false);

        GenServer.stop(cache);

        assertThat(onDisk()).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void twoCachesOnOneDesignShareEachListsServer(Design design) {
        running = design.start(new FileStorage(root), WriteHooks.NONE);
        database = running.database();
        cache = TodoCache.start(database);
        var other = TodoCache.start(database);

        for (int i = 0; i < 10; i++) {
            TodoServer.addEntry(TodoCache.serverProcess(i % 2 == 0 ? cache : other, "bob"),
                    new TodoEntry(DEC_19, "change " + i));
        }

        assertThat(TodoServer.entries(TodoCache.serverProcess(other, "bob"), DEC_19)).hasSize(10);
        await().until(() -> onDisk() == 10);
        GenServer.stop(other);
    }
}
