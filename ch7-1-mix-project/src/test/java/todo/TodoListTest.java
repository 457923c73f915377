package todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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
        assertThat(sample().entries(DEC_19)).extracting(TodoEntry::id).containsExactly(1L, 3L);
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
        assertThat(list.entries(DEC_20)).singleElement().extracting(TodoEntry::title)
                .isEqualTo("Updated shopping");
    }

    @Test
    void deleteEntry() {
        TodoList list = sample().deleteEntry(2);

        assertThat(list.size()).isEqualTo(2);
        assertThat(list.entries(DEC_20)).isEmpty();
    }

    @Test
    void everyChangeLeavesTheOldListAsItWas() {
        TodoList before = sample();

        before.addEntry(new TodoEntry(DEC_21, "Gym"));
        before.updateEntry(1, entry -> entry.withTitle("Changed"));
        before.deleteEntry(3);

        assertThat(before).isEqualTo(sample());
    }

    @Test
    void noCallerCanChangeTheEntriesItIsGiven() {
        SortedMap<Long, TodoEntry> entries = sample().entries();
        var sneaked = new TodoEntry(9, DEC_21, "Sneaked in");

        assertThatThrownBy(() -> entries.put(9L, sneaked))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> entries.headMap(3L).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> entries.values().iterator().remove())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> entries.entrySet().iterator().next().setValue(sneaked))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> entries.pollFirstEntry())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(sample().entries()).isEqualTo(entries);
    }

    @Test
    void aListIsAValueHoweverItWasBuilt() {
        var byHand = new TreeMap<Long, TodoEntry>(Map.of(
                1L, new TodoEntry(1, DEC_19, "Dentist"),
                2L, new TodoEntry(2, DEC_20, "Shopping"),
                3L, new TodoEntry(3, DEC_19, "Movies")));

        assertThat(new TodoList(4, byHand)).isEqualTo(sample())
                .hasSameHashCodeAs(sample())
                .hasToString("TodoList[nextId=4, entries={1=TodoEntry[id=1, date=2023-12-19, "
                        + "title=Dentist], 2=TodoEntry[id=2, date=2023-12-20, title=Shopping], "
                        + "3=TodoEntry[id=3, date=2023-12-19, title=Movies]}]");
        assertThat(new TodoList(5, byHand)).isNotEqualTo(sample());
        byHand.clear();
        assertThat(new TodoList(4, sample().entries())).isEqualTo(sample());
    }

    @Test
    void aListFromOutsideIsCheckedOnce() {
        var entry = new TodoEntry(3, DEC_19, "Movies");

        assertThatThrownBy(() -> new TodoList(3, new TreeMap<>(Map.of(3L, entry))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong under id 3 in a list whose next id is 3");
        assertThatThrownBy(() -> new TodoList(9, new TreeMap<>(Map.of(2L, entry))))
                .hasMessageContaining("does not belong under id 2");
        assertThatThrownBy(() -> new TodoList(0, new TreeMap<>()))
                .hasMessageContaining("starts at 1");
        // Another list's entries under a smaller next id are checked too, not trusted.
        assertThatThrownBy(() -> new TodoList(2, sample().entries()))
                .hasMessageContaining("in a list whose next id is 2");
    }

    @Test
    void idsBeyondIntegerRangeWork() {
        long big = Integer.MAX_VALUE;
        TodoList list = new TodoList(big, new TreeMap<>())
                .addEntry(new TodoEntry(DEC_19, "Dentist"))
                .addEntry(new TodoEntry(DEC_19, "Movies"));

        assertThat(list.entries(DEC_19)).extracting(TodoEntry::id)
                .containsExactly(big, big + 1);
        assertThat(list.nextId()).isEqualTo(big + 2);
        assertThat(list.deleteEntry(big).updateEntry(big + 1, e -> e.withTitle("Gym"))
                .entries(DEC_19)).extracting(TodoEntry::title).containsExactly("Gym");
    }

    @Test
    void whenEveryIdIsUsedAnAddIsAClearError() {
        var last = new TodoEntry(Long.MAX_VALUE - 1, DEC_19, "Last");
        TodoList full = new TodoList(Long.MAX_VALUE,
                new TreeMap<>(Map.of(Long.MAX_VALUE - 1, last)));

        assertThatThrownBy(() -> full.addEntry(new TodoEntry(DEC_20, "One too many")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no id is left");
    }

    @Test
    void anAddRefusedForWantOfAnIdLeavesTheListAsItWas() {
        var last = new TodoEntry(Long.MAX_VALUE - 1, DEC_19, "Last");
        TodoList full = new TodoList(Long.MAX_VALUE,
                new TreeMap<>(Map.of(Long.MAX_VALUE - 1, last)));

        assertThatThrownBy(() -> full.addEntry(new TodoEntry(DEC_20, "One too many")));

        assertThat(full.entries()).containsExactly(Map.entry(Long.MAX_VALUE - 1, last));
        assertThat(full.nextId()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aChangeSharesTheUnchangedEntriesWithTheOldList() {
        TodoList before = sample();
        TodoList after = before.addEntry(new TodoEntry(DEC_21, "Gym")).deleteEntry(2);

        assertThat(after.entries().get(1L)).isSameAs(before.entries().get(1L));
        assertThat(after.entries().get(3L)).isSameAs(before.entries().get(3L));
    }

    @Test
    void idsAreNotReusedAfterADelete() {
        TodoList list = sample().deleteEntry(3).addEntry(new TodoEntry(DEC_21, "Gym"));

        assertThat(list.entries(DEC_21)).extracting(TodoEntry::id).containsExactly(4L);
    }

    @Test
    void updatingAMissingEntryChangesNothing() {
        assertThat(sample().updateEntry(42, entry -> entry.withTitle("x"))).isEqualTo(sample());
    }

    @Test
    void deletingAMissingEntryChangesNothing() {
        assertThat(sample().deleteEntry(42)).isEqualTo(sample());
    }

    @Test
    void anUpdateMayNotChangeTheId() {
        assertThatThrownBy(() -> sample().updateEntry(1, entry -> entry.withId(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("may not change the id");
    }
}
