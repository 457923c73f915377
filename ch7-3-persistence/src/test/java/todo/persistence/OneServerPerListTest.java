package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import genserver.Pid;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.safety.FolderOwner;

/**
 * Two caches on one folder's database: as the book's registered names give, a list has one server,
 * whichever cache is asked (issue point 9: each cache started its own, and 10 alternating adds
 * left 5, the last writer's).
 */
class OneServerPerListTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);

    @TempDir
    Path folder;

    private TodoDatabase firstDatabase;
    private TodoDatabase secondDatabase;
    private Pid<TodoCache.Request> first;
    private Pid<TodoCache.Request> second;

    /** Two caches, each on its own start of the database on one folder, take turns with bob. */
    @BeforeEach
    void tenChangesThroughTwoCaches() {
        firstDatabase = TodoDatabase.start(folder);
        secondDatabase = TodoDatabase.start(folder);
        first = TodoCache.start(firstDatabase);
        second = TodoCache.start(secondDatabase);

        for (int i = 0; i < 10; i++) {
            var cache = i % 2 == 0 ? first : second;
            TodoServer.addEntry(TodoCache.serverProcess(cache, "bob"),
                    new TodoEntry(DEC_19, "change " + i));
        }
    }

    /** Stops what {@link #tenChangesThroughTwoCaches} started; twice counts once. */
    @AfterEach
    void stop() {
        FolderOwner.stopIfAlive(first);
        FolderOwner.stopIfAlive(second);
        firstDatabase.close();
        secondDatabase.close();
    }

    @Test
    void twoCachesOnOneDatabaseShareEachListsServer() {
        assertThat(TodoServer.entries(TodoCache.serverProcess(first, "bob"), DEC_19)).hasSize(10);
        assertThat(TodoServer.entries(TodoCache.serverProcess(second, "bob"), DEC_19))
                .hasSize(10);
    }

    @Test
    void twoCachesOnOneDatabaseLoseNoChange() {
        var disk = new ListStore(new FileStorage(folder));
        await().until(() -> disk.load("bob") != null && disk.load("bob").size() == 10);
        stop();
        assertThat(disk.load("bob")).extracting(TodoList::size).isEqualTo(10);
    }
}
