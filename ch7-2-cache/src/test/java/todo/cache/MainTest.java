package todo.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import todo.Iex;

/** Smoke test: the step's main replays the book's 7.2.1 session. */
class MainTest {
    @Test
    void replaysTheBooksSession() {
        // What each line returned: the lines that are neither iex's nor Java's.
        List<String> values = Iex.transcript(Main::replay).stream()
                .filter(line -> !line.startsWith("iex> ") && !line.startsWith("java> ")).toList();

        // Bob's list is the same process every time it is asked for, Alice's another one.
        String bob = values.get(1);
        String alice = values.get(3);
        assertThat(values.get(2)).isEqualTo(bob);
        assertThat(values.get(4)).isEqualTo(alice);
        assertThat(values.get(5)).isEqualTo(bob);
        assertThat(alice).isNotEqualTo(bob);
        assertThat(values).endsWith("[TodoEntry[id=1, date=2023-12-19, title=Dentist]]", "[]");
    }

    @Test
    void printsBesideEachIexLineTheJavaItRuns() throws Exception {
        List<String> lines = Iex.transcript(Main::replay);

        assertThat(Iex.drift(lines,
                Files.readString(Path.of("src/main/java/todo/cache/Main.java")))).isEmpty();
    }
}
