package todo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One to-do entry, the book's {@code %{id: 1, date: ~D[2023-12-19], title: "Dentist"}}.
 *
 * <p>{@code new TodoEntry(date, title)} has no id yet ({@code id() == 0}); a {@link TodoList}
 * gives it the next one when the entry is added. Ids are {@code long}, as Erlang's integers have no
 * bound: a list that Elixir wrote with {@code next_id} beyond 2^31 still reads.
 */
public record TodoEntry(long id, LocalDate date, String title) {

    public TodoEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(title, "title");
        if (id < 0) {
            throw new IllegalArgumentException(
                    "an entry id is positive, or 0 before a list assigns one: " + id);
        }
    }

    /** An entry that a list has not numbered yet. */
    public TodoEntry(LocalDate date, String title) {
        this(0, date, title);
    }

    /** The same entry with another title, as {@code Map.put(entry, :title, title)}. */
    public TodoEntry withTitle(String title) {
        return new TodoEntry(id, date, title);
    }

    /** The same entry with the id a list assigns. */
    public TodoEntry withId(long id) {
        return new TodoEntry(id, date, title);
    }
}
