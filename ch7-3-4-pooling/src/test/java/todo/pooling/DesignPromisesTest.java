package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import todo.pooling.safety.WriteHooks;
import static todo.pooling.HeldWrites.hooks;

import genserver.GenServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import testsupport.Hold;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.FileStorage;
import todo.persistence.StorageException;
import todo.persistence.TodoCache;
import todo.persistence.TodoServer;

/**
 * What a hostile review of the designs found, each pinned: a one-off write still running when
 * design 3 closes, a load that waits behind a file that never answers, two starts of design 6 on
 * one folder, and design 6's file deleted under it.
 */
@ExtendWith(QuickPolling.class)
class DesignPromisesTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);
    private static final TodoList ONE = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));

    @TempDir
    Path folder;

    /** Design 3's close waits for its one-off writes: one still running would report to no one. */
    @Test
    void design3sCloseWaitsForTheOneOffWritesStillRunning() throws Exception {
        var hold = Hold.writesOf(ONE);
        var running = Design.ONE_OFF_WORKERS.start(folder, hooks(hold));
        running.database().store("bob", ONE);
        await().until(() -> hold.started.contains(ONE));

        closeWhileTheWriteRuns(running, hold);

        assertThat(hold.completed).containsExactly(ONE);
        try (var restarted = Design.ONE_OFF_WORKERS.start(folder)) {
            assertThat(restarted.database().get("bob")).isEqualTo(ONE);
        }
    }

    /**
     * Designs 2 and 6 write in the list's own server, not in a process of theirs; their close
     * waits for the writes under way all the same. One that landed after the close would land in a
     * folder that another design may own by then, over its newer list.
     */
    @ParameterizedTest
    @EnumSource(names = {"BYPASS", "SQL"})
    void design2And6sCloseWaitsForTheStoresUnderWay(Design design) throws Exception {
        var hold = Hold.writesOf(ONE);
        var running = design.start(folder, hooks(hold));
        var stored = new ArrayList<Throwable>(); // read after the writer's join
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                running.database().store("bob", ONE);
            } catch (Throwable t) {
                stored.add(t);
            }
        });
        await().until(() -> hold.started.contains(ONE));

        closeWhileTheWriteRuns(running, hold);
        writer.join();

        assertThat(stored).isEmpty();
        assertThat(hold.completed).containsExactly(ONE);
        assertThatThrownBy(() -> running.database().store("carol", ONE))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("is closed");
        try (var restarted = design.start(folder)) {
            assertThat(restarted.database().get("bob")).isEqualTo(ONE);
            assertThat(restarted.database().get("carol")).isNull();
        }
    }

    /** Closes {@code running} while {@code hold} holds its write: the close waits, then ends. */
    private static void closeWhileTheWriteRuns(Design.Running running, Hold hold)
            throws InterruptedException {
        Thread closer = Thread.ofVirtual().start(running::close);
        await("the close, while the write runs").during(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(5)).until(closer::isAlive);
        hold.release();
        closer.join();
    }

    /**
     * A load waits as long as the read takes, not a call's 5 s: a list whose file never answers
     * fails with the storage's own error once its read limit (here 5.5 s) is out, instead of
     * timing out and being asked again, each time queueing one more hanging read before every
     * other list of its worker. One slow test for three designs, run at once.
     */
    @Test
    void aLoadWaitsForTheReadLimitNotForTheCallTimeout() throws Exception {
        assumeThat(Files.isReadable(Path.of("/proc/kmsg")))
                .as("a read that never ends: /proc/kmsg, readable as root").isTrue();
        var designs = List.of(Design.ONE_OFF_WORKERS, Design.POOLED, Design.CHECKOUT_POOL);
        var failures = new ConcurrentHashMap<Design, Throwable>();
        List<Thread> loads = new ArrayList<>();
        List<Design.Running> started = new ArrayList<>();
        for (Design design : designs) {
            Path lists = Files.createDirectory(folder.resolve(design.name()));
            Files.createSymbolicLink(lists.resolve("bad"), Path.of("/proc/kmsg"));
            var running = design.start(
                    new FileStorage(lists, 64 << 10, Duration.ofMillis(5_500)), WriteHooks.NONE);
            started.add(running);
            loads.add(Thread.ofVirtual().start(() -> {
                try {
                    running.database().load("bad");
                } catch (Throwable e) {
                    failures.put(design, e);
                }
            }));
        }
        for (Thread load : loads) {
            load.join();
        }
        started.forEach(Design.Running::close);

        assertThat(failures).hasSize(3).allSatisfy((design, failure) -> assertThat(failure)
                .isInstanceOf(StorageException.class).hasMessageContaining("did not answer"));
    }

    /** However many times a design is started on one folder, a list has one server. */
    @ParameterizedTest
    @EnumSource(Design.class)
    void twoStartsOnOneFolderShareEachListsServer(Design design) {
        try (var first = design.start(folder); var second = design.start(folder)) {
            var one = TodoCache.start(first.database());
            var other = TodoCache.start(second.database());

            assertThat(TodoCache.serverProcess(one, "bob"))
                    .isEqualTo(TodoCache.serverProcess(other, "bob"));
            for (int i = 0; i < 10; i++) {
                TodoServer.addEntry(TodoCache.serverProcess(i % 2 == 0 ? one : other, "bob"),
                        new TodoEntry(DEC_19, "change " + i));
            }
            assertThat(TodoServer.entries(TodoCache.serverProcess(other, "bob"), DEC_19))
                    .hasSize(10);
            GenServer.stop(one);
            GenServer.stop(other);
        }
        try (var restarted = design.start(folder)) {
            assertThat(restarted.database().get("bob").size()).isEqualTo(10);
        }
    }

    /**
     * H2 keeps writing into its deleted file: every store would succeed and be lost. The store
     * fails aloud instead, so the list's server keeps it, and {@code writeStatus()} names it.
     */
    @Test
    void design6sStoreIntoADeletedFolderFailsAloud() throws IOException {
        try (var running = Design.SQL.start(folder)) {
            var cache = TodoCache.start(running.database());
            var bob = TodoCache.serverProcess(cache, "bob");
            TodoServer.addEntry(bob, new TodoEntry(DEC_19, "before"));
            await().until(() -> running.database().get("bob") != null);

            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            TodoServer.addEntry(bob, new TodoEntry(DEC_19, "after"));

            await().until(() -> running.database().writeStatus().unsaved().contains("bob"));
            assertThatThrownBy(() -> running.database().store("alice", ONE))
                    .isInstanceOf(StorageException.class).hasMessageContaining("is gone");
            GenServer.stop(cache);
        }
    }
}
