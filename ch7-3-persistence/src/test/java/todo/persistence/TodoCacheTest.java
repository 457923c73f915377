package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import genserver.GenServer;
import genserver.Pid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import todo.TodoEntry;

/**
 * The book's {@code Todo.CacheTest} for section 7.3, test for test, on a fresh folder each. Each
 * test's cache and the folder's registered database are stopped after it, so no later test meets
 * them.
 */
class TodoCacheTest {
    @TempDir
    Path folder;
    TodoDatabase database;
    Pid<TodoCache.Request> cache;

    @BeforeEach
    void start() {
        database = TodoDatabase.start(folder);
        cache = TodoCache.start(database);
    }

    @AfterEach
    void stop() {
        GenServer.stop(cache);
        database.close();
    }

    @Test
    void serverProcess() {
        var bobPid = TodoCache.serverProcess(cache, "bob");

        assertThat(bobPid).isNotEqualTo(TodoCache.serverProcess(cache, "alice"));
        assertThat(bobPid).isEqualTo(TodoCache.serverProcess(cache, "bob"));
    }

    @Test
    void toDoOperations() {
        var alice = TodoCache.serverProcess(cache, "alice");
        TodoServer.addEntry(alice, new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist"));

        List<TodoEntry> entries = TodoServer.entries(alice, LocalDate.of(2023, 12, 19));

        assertThat(entries).singleElement()
                .matches(entry -> entry instanceof TodoEntry(var id, var date, var title)
                        && date.equals(LocalDate.of(2023, 12, 19)) && title.equals("Dentist"));
    }

    @Test
    void persistence() {
        // The book restarts the cache and keeps its registered database; so do we.
        var john = TodoCache.serverProcess(cache, "john");
        TodoServer.addEntry(john, new TodoEntry(LocalDate.of(2023, 12, 20), "Shopping"));
        assertThat(TodoServer.entries(john, LocalDate.of(2023, 12, 20))).hasSize(1);

        GenServer.stop(cache);
        cache = TodoCache.start(database);
        List<TodoEntry> entries = TodoServer.entries(TodoCache.serverProcess(cache, "john"),
                LocalDate.of(2023, 12, 20));

        assertThat(entries).singleElement()
                .matches(entry -> entry instanceof TodoEntry(var id, var date, var title)
                        && date.equals(LocalDate.of(2023, 12, 20)) && title.equals("Shopping"));
    }

    @Test
    void aListIsStoredUnderItsOwnNameAsTheBooksCodeWould() {
        String name = "Bob's list: ünïcødé ✓";
        TodoServer.addEntry(TodoCache.serverProcess(cache, name),
                new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist"));

        await().until(() -> database.get(name) != null);
        assertThat(database.get(name).size()).isEqualTo(1);
        assertThat(folder.resolve(name)).isRegularFile();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "/etc/passwd", "nul\0char"})
    void aNameThatCannotBeAFileNameIsRefusedBeforeAnythingIsCreated(String name) throws Exception {
        int processes = GenServer.processCount();

        assertThatThrownBy(() -> TodoCache.serverProcess(cache, name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a to-do list name must");
        assertThat(GenServer.processCount()).isEqualTo(processes);
        try (var files = Files.list(folder)) { // the folder's owner file aside
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsOnly(FileStorage.OWNER_FILE);
        }
    }

    @Test
    void aNameLongerThan255BytesIsRefusedWithItsLength() {

        assertThatThrownBy(() -> TodoCache.serverProcess(cache, "é".repeat(128)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a to-do list name must be at most 255 bytes in UTF-8, not 256");
        assertThat(TodoCache.serverProcess(cache, "x".repeat(255))).isNotNull();
    }
}
