package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import genserver.GenServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.codec.TermCodec;
import todo.persistence.safety.ListNames;
import todo.persistence.safety.WriteStatus;

/**
 * The database's folder itself at fault, for real: a leftover its start-up cleanup cannot delete,
 * and the whole folder deleted while the database runs. Neither stops a database or loses a list.
 */
class FolderFaultTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);
    private static final TodoList ONE = TodoList.of(List.of(new TodoEntry(DEC_19, "Movies")));
    private static final TodoList TWO = ONE.addEntry(new TodoEntry(DEC_19, "Shopping"));

    @TempDir
    Path root;

    /** A folder with a leftover the cleanup cannot delete, {@code x}, and one it can, {@code y}. */
    private Path folderWithLeftovers() throws IOException {
        Path folder = Files.createDirectories(root.resolve("db"));
        Path stuck = folder.resolve(ListNames.TEMPORARY_PREFIX + "x.part");
        Files.createDirectory(stuck); // a non-empty directory: deleteIfExists refuses it
        Files.writeString(stuck.resolve("inside"), "not ours");
        Files.writeString(folder.resolve(ListNames.TEMPORARY_PREFIX + "y.part"), "half a list");
        return folder;
    }

    @Test
    void aDatabaseServesPastALeftoverTheCleanupCannotDelete() throws IOException {
        Path folder = folderWithLeftovers();

        var database = TodoDatabase.start(folder);
        try {
            database.store("bob", ONE);
            assertThat(database.get("bob")).isEqualTo(ONE);
            assertThat(database.writeStatus().unsaved()).isEmpty();
            assertThat(TermCodec.decode(Files.readAllBytes(folder.resolve("bob"))))
                    .isEqualTo(ONE);
        } finally {
            database.close();
        }
    }

    @Test
    void aLeftoverTheCleanupCannotDeleteIsLoggedOnce() throws IOException {
        Path folder = folderWithLeftovers();
        Path stuck = folder.resolve(ListNames.TEMPORARY_PREFIX + "x.part");
        Path deletable = folder.resolve(ListNames.TEMPORARY_PREFIX + "y.part");

        try (var log = LogRecords.of(FileStorage.class)) {
            GenServer.stop(TodoDatabase.start(folder).pid());
            assertThat(log.messages()).singleElement().asString()
                    .startsWith("cannot clean the database folder " + folder)
                    .contains(ListNames.TEMPORARY_PREFIX + "x.part");
        }
        assertThat(deletable).doesNotExist(); // the cleanup went on past the one it could not
        assertThat(stuck.resolve("inside")).hasContent("not ours");
    }

    @Test
    void aFolderDeletedWhileTheDatabaseRunsIsMadeAgainByTheNextWrite() throws IOException {
        Path folder = root.resolve("db");
        var database = TodoDatabase.start(folder);
        try {
            database.store("alice", ONE);
            assertThat(database.writeStatus().unsaved()).isEmpty();

            deleteTree(folder);
            database.store("bob", TWO);

            assertThat(database.writeStatus()).isEqualTo(new WriteStatus(List.of(), 0));
            assertThat(TermCodec.decode(Files.readAllBytes(folder.resolve("bob"))))
                    .isEqualTo(TWO);
            assertThat(database.get("bob")).isEqualTo(TWO);
        } finally {
            database.close();
        }
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
