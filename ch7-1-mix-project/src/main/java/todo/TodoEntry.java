package todo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One to-do entry, the book's {@code %{id: 1, date: ~D[2023-12-19], title: "Dentist"}}.
 *
 * <p>{@code new TodoEntry(date, title)} has no id yet ({@code id() == 0}); a {@link TodoList}
 * gives it the next one when the entry is added. Ids are {@code long}, as Erlang's integers have no
 * bound: a list that Elixir wrote with {@code next_id} beyond 2^31 still reads.
 *
 * <p>A title is Unicode text: one with a lone surrogate (U+D800 to U+DFFF, not as half of a pair)
 * is refused here, where it is made, because no UTF-8 file can hold it; {@code getBytes(UTF_8)}
 * would quietly store {@code ?} in its place.
 */
public record TodoEntry(long id, LocalDate date, String title) {

    public TodoEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(title, "title");
        if (id < 0) {
            throw new IllegalArgumentException(
                    "an entry id is positive, or 0 before a list assigns one: " + id);
        }
        requireText(title);
    }

    /** Refuses a title with a surrogate that is not half of a pair. */
    private static void requireText(String title) {
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < title.length()
                    && Character.isLowSurrogate(title.charAt(i + 1))) {
                i++; // a pair: one code point beyond the BMP, as an emoji
                continue;
            }
            throw new IllegalArgumentException(String.format(
                    "a title must be Unicode text, but it has a lone surrogate \\u%04X at index %d"
                            + " (of %d chars), which UTF-8 cannot store",
                    (int) c, i, title.length()));
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
