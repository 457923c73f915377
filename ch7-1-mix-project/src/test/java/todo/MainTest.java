package todo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Smoke test: the step's main replays the book's session and prints its results. */
class MainTest {
    @Test
    void replaysTheBooksSession() {
        List<String> lines = Iex.transcript(Main::replay);

        assertThat(lines)
                .contains("iex> {:ok, todo_server} = Todo.Server.start()")
                .anyMatch(line -> line.matches("#PID<0\\.\\d+\\.0>"))
                .endsWith("[TodoEntry[id=1, date=2023-12-19, title=Dentist]]");
    }

    @Test
    void printsBesideEachIexLineTheJavaItRuns() throws Exception {
        List<String> lines = Iex.transcript(Main::replay);

        assertThat(Iex.drift(lines, Files.readString(Path.of("src/main/java/todo/Main.java"))))
                .isEmpty();
    }
}
