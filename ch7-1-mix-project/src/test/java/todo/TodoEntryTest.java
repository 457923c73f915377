package todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TodoEntryTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);

    @Test
    void aTitleWithALoneSurrogateIsRefusedWhereItIsMade() {
        assertThatThrownBy(() -> new TodoEntry(DEC_19, "a\uD800b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a title must be Unicode text, but it has a lone surrogate \\uD800"
                        + " at index 1 (of 3 chars), which UTF-8 cannot store");
        assertThatThrownBy(() -> new TodoEntry(DEC_19, "Dentist").withTitle("x\uDC00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate \\uDC00 at index 1");
        assertThatThrownBy(() -> new TodoEntry(DEC_19, "\uDE00\uD83D")) // a pair the wrong way
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate \\uDE00 at index 0");
        assertThatThrownBy(() -> new TodoEntry(3, DEC_19, "ends high \uD83D"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate \\uD83D at index 10");
        // a pair is one character beyond the basic plane, and fine
        assertThat(new TodoEntry(DEC_19, "Gym \uD83D\uDE00 ✓").title()).isEqualTo("Gym 😀 ✓");
    }

    @Test
    void aListRefusesAnUpdateToALoneSurrogate() {
        TodoList list = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));

        assertThatThrownBy(() -> list.updateEntry(1, entry -> entry.withTitle("\uD800")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusedUpdateToALoneSurrogateLeavesTheListAsItWas() {
        TodoList list = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));

        assertThatThrownBy(() -> list.updateEntry(1, entry -> entry.withTitle("\uD800")));

        assertThat(list.entries().get(1L).title()).isEqualTo("Dentist");
    }
}
