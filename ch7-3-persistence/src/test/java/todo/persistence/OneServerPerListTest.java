package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import genserver.GenServer;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;
import todo.TodoList;

/**
 * Two caches on one folder's database: as the book's registered names give, a list has one server,
 * whichever cache is asked (issue point 9: each cache started its own, and 10 alternating adds
 * left 5, the last writer's).
 */
class OneServerPerListTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);

    @TempDir
    Path folder;

    @Test
    void twoCachesOnOneDatabaseShareEachListsServerAndLoseNoChange() {
        var firstDatabase = TodoDatabase.start(folder);
        var secondDatabase = TodoDatabase.start(folder);
        var first = TodoCache.start(firstDatabase);
        var second = TodoCache.start(secondDatabase);

        for (int i = 0; i < 10; i++) {
            var cache = i % 2 == 0 ? first : second;
            TodoServer.addEntry(TodoCache.serverProcess(cache, "bob"),
                    new TodoEntry(DEC_19, "change " + i));
        }

        assertThat(TodoServer.entries(TodoCache.serverProcess(first, "bob"), DEC_19)).hasSize(10);
        assertThat(TodoServer.entries(TodoCache.serverProcess(second, "bob"), DEC_19))
                .hasSize(10);
        var disk = new ListStore(new FileStorage(folder));
        await().until(() -> disk.load("bob") != null && disk.load("bob").size() == 10);
        GenServer.stop(first);
        GenServer.stop(second);
        firstDatabase.close();
        secondDatabase.close();
        assertThat(disk.load("bob")).extracting(TodoList::size).isEqualTo(10);
    }
}
