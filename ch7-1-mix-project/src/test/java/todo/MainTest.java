package todo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Smoke test: the step's main replays the book's session and prints its results. */
class MainTest {
    @Test
    void replaysTheBooksSession() {
        var out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[0]);
        } finally {
            System.setOut(original);
        }

        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .contains("iex> {:ok, todo_server} = Todo.Server.start()")
                .anyMatch(line -> line.matches("#PID<0\\.\\d+\\.0>"))
                .endsWith("[TodoEntry[id=1, date=2023-12-19, title=Dentist]]");
    }
}
