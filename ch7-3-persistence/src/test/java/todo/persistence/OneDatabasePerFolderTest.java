package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import genserver.GenServer;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;

/**
 * As the book's registered {@code Todo.Database}: one folder, one database process, whoever
 * starts it and however the folder is spelt.
 */
class OneDatabasePerFolderTest {
    private static final LocalDate DEC_20 = LocalDate.of(2023, 12, 20);

    @TempDir
    Path folder;

    @Test
    void aSecondStartOnTheSameFolderGetsTheRunningDatabase() throws Exception {
        Path link = Files.createSymbolicLink(folder.resolveSibling(folder.getFileName() + "-link"),
                folder);
        try (var first = TodoDatabase.start(folder);
                var again = TodoDatabase.start(folder);
                var dotted = TodoDatabase.start(folder.resolve("..").resolve(folder.getFileName()));
                var linked = TodoDatabase.start(link);
                var other = TodoDatabase.start(folder.resolve("other"))) {
            assertThat(again.pid()).isSameAs(first.pid());
            assertThat(dotted.pid()).isSameAs(first.pid());
            assertThat(linked.pid()).isSameAs(first.pid());
            assertThat(other.pid()).isNotSameAs(first.pid());
        } finally {
            Files.delete(link);
        }
    }

    /**
     * The book's persistence test (write, stop the cache, start a new one, read), 200 times over,
     * while two {@code yes} processes keep both cores busy: the new cache's read always queues
     * behind the old one's write, in the one database both use.
     */
    @Test
    void theBooksRestartTestHoldsWhileTheCoresAreBusy() throws Exception {
        List<Process> busy = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            busy.add(new ProcessBuilder("yes").redirectOutput(Redirect.DISCARD).start());
        }
        int processes = GenServer.processCount();
        // Held for the whole test, so that every round's caches use the one database running
        try (var held = TodoDatabase.start(folder)) {
            for (int round = 1; round <= 200; round++) {
                try (var database = TodoDatabase.start(folder)) {
                    var cache = TodoCache.start(database);
                    TodoServer.addEntry(TodoCache.serverProcess(cache, "john"),
                            new TodoEntry(DEC_20, "Shopping " + round));
                    GenServer.stop(cache);
                }
                try (var database = TodoDatabase.start(folder)) {
                    var restarted = TodoCache.start(database);
                    assertThat(
                            TodoServer.entries(TodoCache.serverProcess(restarted, "john"), DEC_20))
                            .as("round %d", round).hasSize(round);
                    GenServer.stop(restarted);
                }
            }
            // The caches took their servers with them; one database (for the folder) is left,
            // with the folder's owner. Stopping the owner stops the database it started.
            await().until(() -> GenServer.processCount() == processes + 2);
            GenServer.stop(GenServer.whereis(new FileStorage(folder).ownerName("todo database"))
                    .orElseThrow());
            assertThat(GenServer.isAlive(held.pid())).isFalse();
        } finally {
            busy.forEach(Process::destroy);
        }
    }
}
