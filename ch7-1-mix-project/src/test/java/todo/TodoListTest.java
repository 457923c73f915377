package todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The book's {@code Todo.ListTest}, test for test. */
class TodoListTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);
    private static final LocalDate DEC_20 = LocalDate.of(2023, 12, 20);
    private static final LocalDate DEC_21 = LocalDate.of(2023, 12, 21);

    private static TodoList sample() {
        return TodoList.of(List.of(
                new TodoEntry(DEC_19, "Dentist"),
                new TodoEntry(DEC_20, "Shopping"),
                new TodoEntry(DEC_19, "Movies")));
    }

    @Test
    void emptyList() {
        assertThat(TodoList.empty().size()).isEqualTo(0);
    }

    @Test
    void entries() {
        TodoList list = sample();

        assertThat(list.size()).isEqualTo(3);
        assertThat(list.entries(DEC_19)).hasSize(2);
        assertThat(list.entries(DEC_20)).hasSize(1);
        assertThat(list.entries(DEC_21)).isEmpty();
        assertThat(list.entries(DEC_20)).extracting(TodoEntry::title).containsExactly("Shopping");
    }

    @Test
    void entriesComeInIdOrder() {
        assertThat(sample().entries(DEC_19)).extracting(TodoEntry::id).containsExactly(1, 3);
    }

    @Test
    void addEntry() {
        TodoList list = TodoList.empty()
                .addEntry(new TodoEntry(DEC_19, "Dentist"))
                .addEntry(new TodoEntry(DEC_20, "Shopping"))
                .addEntry(new TodoEntry(DEC_19, "Movies"));

        assertThat(list.size()).isEqualTo(3);
        assertThat(list.entries(DEC_19)).hasSize(2);
        assertThat(list.entries(DEC_20)).hasSize(1);
        assertThat(list.entries(DEC_21)).isEmpty();
        assertThat(list.entries(DEC_20)).extracting(TodoEntry::title).containsExactly("Shopping");
    }

    @Test
    void updateEntry() {
        TodoList list = sample().updateEntry(2, entry -> entry.withTitle("Updated shopping"));

        assertThat(list.size()).isEqualTo(3);
        // assert [%{title: "Updated shopping"}] = Todo.List.entries(todo_list, ~D[2023-12-20])
        assertThat(list.entries(DEC_20)).singleElement()
                .satisfies(
                        entry -> assertThat(entry instanceof TodoEntry(var id, var date, var title)
                                && title.equals("Updated shopping")).isTrue());
    }

    @Test
    void deleteEntry() {
        TodoList list = sample().deleteEntry(2);

        assertThat(list.size()).isEqualTo(2);
        assertThat(list.entries(DEC_20)).isEmpty();
    }

    @Test
    void everyChangeReturnsANewListAndLeavesTheOldOneAsItWas() {
        TodoList before = sample();

        before.addEntry(new TodoEntry(DEC_21, "Gym"));
        before.updateEntry(1, entry -> entry.withTitle("Changed"));
        before.deleteEntry(3);

        assertThat(before).isEqualTo(sample());
        assertThatThrownBy(() -> before.entries().put(9, new TodoEntry(9, DEC_21, "Sneaked in")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void idsAreNotReusedAfterADelete() {
        TodoList list = sample().deleteEntry(3).addEntry(new TodoEntry(DEC_21, "Gym"));

        assertThat(list.entries(DEC_21)).extracting(TodoEntry::id).containsExactly(4);
    }

    @Test
    void updatingOrDeletingAMissingEntryChangesNothing() {
        assertThat(sample().updateEntry(42, entry -> entry.withTitle("x"))).isEqualTo(sample());
        assertThat(sample().deleteEntry(42)).isEqualTo(sample());
    }

    @Test
    void anUpdateMayNotChangeTheId() {
        assertThatThrownBy(() -> sample().updateEntry(1, entry -> entry.withId(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("may not change the id");
    }
}
