package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
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
        Process other = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), HoldTheFolder.class.getName(),
                folder.toString()).redirectError(Redirect.INHERIT).start();
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
