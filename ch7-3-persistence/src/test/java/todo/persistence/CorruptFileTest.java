package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import genserver.GenServer;
import genserver.ProcessExitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;

/**
 * A bad file fails its own list, says which list and file, changes nothing, and hurts no one else.
 * Each test stops the folder's registered database, so no later test meets it.
 */
class CorruptFileTest {
    @TempDir
    Path folder;

    @Test
    void aCorruptedFileIsLeftAsItWas() throws Exception {
        byte[] garbage = "this is not a to-do list".getBytes();
        Files.write(folder.resolve("bob"), garbage);
        var database = TodoDatabase.start(folder);
        var cache = TodoCache.start(database);
        try {
            var bob = TodoCache.serverProcess(cache, "bob");
            assertThatThrownBy(() -> TodoServer.entries(bob, LocalDate.of(2023, 12, 19)))
                    .isInstanceOf(ProcessExitException.class);

            assertThat(Files.readAllBytes(folder.resolve("bob"))).isEqualTo(garbage);
        } finally {
            GenServer.stop(cache);
            database.close();
        }
    }

    @Test
    void aCorruptedFileFailsOnlyItsList() throws Exception {
        byte[] garbage = "this is not a to-do list".getBytes();
        Files.write(folder.resolve("bob"), garbage);
        var database = TodoDatabase.start(folder);
        var cache = TodoCache.start(database);
        try {
            var bob = TodoCache.serverProcess(cache, "bob");
            assertThatThrownBy(() -> TodoServer.entries(bob, LocalDate.of(2023, 12, 19)))
                    .isInstanceOf(ProcessExitException.class)
                    .hasMessageContaining(
                            "the to-do list 'bob' in " + folder.resolve("bob") + " is corrupted")
                    .hasRootCauseInstanceOf(CorruptDataException.class);

            var alice = TodoCache.serverProcess(cache, "alice");
            TodoServer.addEntry(alice, new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist"));
            assertThat(TodoServer.entries(alice, LocalDate.of(2023, 12, 19))).hasSize(1);
        } finally {
            GenServer.stop(cache);
            database.close();
        }
    }

    @Test
    void aTruncatedFileIsReportedAsCorruptedToo() throws Exception {
        byte[] truncated = Arrays.copyOf(TermCodecTest.DENTIST_FROM_ELIXIR, 40);
        Files.write(folder.resolve("bob"), truncated);
        var database = TodoDatabase.start(folder);
        try {
            assertThatThrownBy(() -> database.get("bob"))
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining("'bob'")
                    .hasMessageContaining("the data ends inside");
            assertThat(Files.readAllBytes(folder.resolve("bob"))).isEqualTo(truncated);
            assertThat(database.get("nobody")).isNull(); // the database process lives on
        } finally {
            database.close();
        }
    }
}
