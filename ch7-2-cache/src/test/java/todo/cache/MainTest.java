package todo.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import todo.Iex;

/** Smoke test: the step's main replays the book's 7.2.1 session. */
class MainTest {
    @Test
    void replaysTheBooksSession() {
        List<String> lines = Iex.transcript(Main::replay);

        // Bob's list is the same process every time it is asked for, Alice's another one.
        String bob = lines.get(3);
        String alice = lines.get(7);
        assertThat(lines.get(5)).isEqualTo(bob);
        assertThat(lines.get(9)).isEqualTo(alice);
        assertThat(lines.get(11)).isEqualTo(bob);
        assertThat(alice).isNotEqualTo(bob);
        assertThat(lines).endsWith("[TodoEntry[id=1, date=2023-12-19, title=Dentist]]",
                "iex> Todo.Cache.server_process(cache, \"Alice's list\") |> Todo.Server.entries(~D[2023-12-19])",
                "[]");
    }
}
