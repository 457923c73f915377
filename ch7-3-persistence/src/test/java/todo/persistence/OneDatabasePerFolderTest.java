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
        var first = TodoDatabase.start(folder);
        Path link = Files.createSymbolicLink(folder.resolveSibling(folder.getFileName() + "-link"),
                folder);
        try {
            assertThat(TodoDatabase.start(folder).pid()).isSameAs(first.pid());
            assertThat(TodoDatabase.start(folder.resolve("..").resolve(folder.getFileName())).pid())
                    .isSameAs(first.pid());
            assertThat(TodoDatabase.start(link).pid()).isSameAs(first.pid());
            assertThat(TodoDatabase.start(folder.resolve("other")).pid()).isNotSameAs(first.pid());
        } finally {
            GenServer.stop(first.pid());
            GenServer.stop(TodoDatabase.start(folder.resolve("other")).pid());
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
        try {
            for (int round = 1; round <= 200; round++) {
                var cache = TodoCache.start(TodoDatabase.start(folder));
                TodoServer.addEntry(TodoCache.serverProcess(cache, "john"),
                        new TodoEntry(DEC_20, "Shopping " + round));
                GenServer.stop(cache);

                var restarted = TodoCache.start(TodoDatabase.start(folder));
                assertThat(TodoServer.entries(TodoCache.serverProcess(restarted, "john"), DEC_20))
                        .as("round %d", round).hasSize(round);
                GenServer.stop(restarted);
            }
        } finally {
            busy.forEach(Process::destroy);
        }
        // The caches took their servers with them; one database (for the folder) is left, with
        // the folder's owner. Stopping the owner stops the database it started.
        await().until(() -> GenServer.processCount() == processes + 2);
        var database = TodoDatabase.start(folder);
        GenServer.stop(GenServer.whereis(new FileStorage(folder).ownerName("todo database"))
                .orElseThrow());
        assertThat(GenServer.isAlive(database.pid())).isFalse();
    }
}
