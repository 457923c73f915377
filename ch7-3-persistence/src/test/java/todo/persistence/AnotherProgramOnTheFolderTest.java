package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;
import todo.TodoList;

/**
 * One folder, one writer, between programs too: the step's demo and a JShell on the same
 * {@code persist} folder would each write their own copy of a list over the other's. A second
 * JVM that holds the folder keeps this one out, with an error that names it, until it lets go.
 */
class AnotherProgramOnTheFolderTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a second JVM that never says it holds the folder
    void aFolderAnotherProgramHoldsIsRefusedUntilItLetsGo() throws Exception {
        Process other = holdTheFolder(folder);
        try {
            var said = new BufferedReader(
                    new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("holding");

            assertThatIllegalStateException().isThrownBy(() -> TodoDatabase.start(folder))
                    .withMessage("the folder " + folder + " is used by another program (pid "
                            + other.pid() + "): one folder has one writer; stop that program,"
                            + " or give this one another folder");

            other.getOutputStream().close(); // it closes its database and ends
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isZero();
        } finally {
            other.destroyForcibly();
        }
        TodoList list = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));
        try (var database = TodoDatabase.start(folder)) {
            database.store("bob", list);
            assertThat(database.get("bob")).isEqualTo(list);
        }
    }

    /**
     * An owner file that is no regular file of the folder would lock nothing, or the wrong file:
     * the start is refused, and a file it links to is left as it was.
     */
    @Test
    void anOwnerFileThatIsALinkADirectoryOrAFifoIsRefusedAndNothingElseIsTouched(
            @TempDir Path elsewhere) throws Exception {
        Path owner = folder.resolve(FileStorage.OWNER_FILE);
        Path precious = Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(owner, precious);
        assertThatIllegalStateException().isThrownBy(() -> TodoDatabase.start(folder))
                .withMessageStartingWith("the folder " + folder + " cannot be locked for this"
                        + " program: its .tmp-owner.lock cannot be used (");
        assertThat(Files.readString(precious)).isEqualTo("keep me");

        Files.delete(owner);
        Files.createDirectory(owner);
        assertThatIllegalStateException().isThrownBy(() -> TodoDatabase.start(folder))
                .withMessageEndingWith("remove it, no list is ever kept in it");

        Files.delete(owner);
        assertThat(new ProcessBuilder("mkfifo", owner.toString()).start().waitFor()).isZero();
        assertThatIllegalStateException().isThrownBy(() -> TodoDatabase.start(folder))
                .withMessageContaining("cannot be used (not a regular file)");

        Files.delete(owner); // and the folder is anyone's again
        try (var database = TodoDatabase.start(folder)) {
            database.store("bob", TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist"))));
        }
    }

    /**
     * One owner file reached from two folders of this program (here a hard link; a bind mount or
     * a renamed folder does the same): the second start is refused and the first keeps its lock,
     * which closing the second's handle on the file would have ended.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aSecondPathToTheSameOwnerFileLeavesTheFirstLockInPlace(@TempDir Path other)
            throws Exception {
        try (var first = TodoDatabase.start(folder)) {
            Files.createLink(other.resolve(FileStorage.OWNER_FILE),
                    folder.resolve(FileStorage.OWNER_FILE));
            assertThatIllegalStateException().isThrownBy(() -> TodoDatabase.start(other))
                    .withMessage("the folder " + other + " is held by this program already, under"
                            + " another path");

            Process another = holdTheFolder(folder);
            try {
                assertThat(another.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(new String(another.getErrorStream().readAllBytes(),
                        StandardCharsets.UTF_8)).contains("the folder " + folder
                                + " is used by another program (pid "
                                + ProcessHandle.current().pid() + ")");
            } finally {
                another.destroyForcibly();
            }
        }
    }

    private static Process holdTheFolder(Path folder) throws Exception {
        return new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), HoldTheFolder.class.getName(),
                folder.toString()).start();
    }

    /** Within one program the folder is shared, and a closed database lets a next one take it. */
    @Test
    void thisProgramTakesTheFolderAgainAfterClosingIt() {
        TodoList list = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));
        try (var first = TodoDatabase.start(folder); var second = TodoDatabase.start(folder)) {
            first.store("bob", list);
        }
        try (var again = TodoDatabase.start(folder)) {
            assertThat(again.get("bob")).isEqualTo(list);
        }
    }
}
