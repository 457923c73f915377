package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.awaitility.Awaitility.await;

import genserver.GenServer;
import genserver.Pid;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.safety.FolderOwner;

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
     * The folder's owner is one process that every user of the folder shares: a start that names
     * no design fails in its own caller, and the database the others use keeps serving them.
     */
    @Test
    void aStartWithoutADesignFailsInItsCallerAndTheFolderStaysServed() {
        try (var database = TodoDatabase.start(folder)) {
            assertThatNullPointerException()
                    .isThrownBy(() -> FolderOwner.acquire(new FileStorage(folder), null,
                            () -> FolderOwner.process(database.pid())))
                    .withMessage("design");
            TodoList list = TodoList.of(List.of(new TodoEntry(DEC_20, "Dentist")));
            database.store("alice", list);
            assertThat(database.get("alice")).isEqualTo(list);
            assertThat(GenServer.isAlive(database.pid())).isTrue();
        }
    }

    /**
     * A lease is a number the owner draws at random, one per start: a user that closes twice gives
     * back its own lease once, nobody can give back another's by guessing its number, and the
     * others keep the database.
     */
    @Test
    void aUserThatClosesTwiceLeavesTheOthersServed() {
        var first = TodoDatabase.start(folder);
        try (var second = TodoDatabase.start(folder)) {
            first.close();
            first.close();
            // Nor can a caller that was granted no lease give back one by guessing its number
            Pid<FolderOwner.Request> owner = GenServer.<FolderOwner.Request>whereis(
                    new FileStorage(folder).ownerName("todo database")).orElseThrow();
            for (long guess = -100; guess <= 100; guess++) {
                assertThat(GenServer.call(owner, new FolderOwner.Leave(guess)))
                        .isEqualTo(FolderOwner.Left.STILL_SERVED);
            }
            TodoList list = TodoList.of(List.of(new TodoEntry(DEC_20, "Movies")));
            second.store("bob", list);
            assertThat(second.get("bob")).isEqualTo(list);
        }
        assertThat(GenServer.isAlive(first.pid())).as("stopped with the last lease").isFalse();
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
