package todo;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;

/**
 * The book's {@code Todo.List}: a pure, immutable value. Every "change" returns a new list and
 * leaves this one as it was, so a list can be handed to any process without a copy or a lock.
 *
 * <p>Like the Elixir map it mirrors, a change shares structure with the old list: the entries
 * live in a persistent sorted map (PCollections' {@link TreePMap}), so adding, updating or
 * deleting an entry costs O(log n) and copies only the path to it, never the whole list.
 *
 * <p>Two ways in, checked once. A map from outside (a decoded file, a caller's entries) goes
 * through the canonical constructor, which checks every entry against its id and {@code nextId}
 * and copies it into a persistent map. A change goes through {@link #with}, which wraps the new
 * persistent map in {@link Entries}, a private type that only this class can make: the
 * constructor takes such a map as it is, without a copy or a check, when it was made for the
 * same {@code nextId}.
 *
 * <p>{@link #entries()} is a read-only {@link SortedMap} (every mutator throws
 * {@code UnsupportedOperationException}, and so do its views and iterators). It is declared as
 * the JDK's interface, not as a {@code PSortedMap}: the book's API does not need PCollections,
 * so no caller's code depends on which persistent map is behind it (its {@code plus} would not
 * change this list anyway), and the private wrapper doubles as the mark of a map this class has
 * already checked. Equality is the value's: two lists with the same
 * {@code nextId} and the same entries are equal, however each was built.
 *
 * @param nextId the id the next added entry gets (ids are never reused, even after a delete)
 * @param entries every entry by id, in id order
 */
public record TodoList(long nextId, SortedMap<Long, TodoEntry> entries) {

    /**
     * A list from outside: every entry must sit under its own id, and ids run from 1 to below
     * {@code nextId}.
     *
     * @throws IllegalArgumentException naming the first entry that does not fit
     */
    public TodoList {
        if (!(entries instanceof Entries checked && checked.nextId == nextId)) {
            entries = Entries.check(nextId, entries);
        }
    }

    private static final TodoList EMPTY = new TodoList(1, Collections.emptySortedMap());

    /** {@code Todo.List.new()}. One instance serves every empty list: it can never change. */
    public static TodoList empty() {
        return EMPTY;
    }

    /** {@code Todo.List.new(entries)}: the entries added in order, numbered from 1. */
    public static TodoList of(List<TodoEntry> entries) {
        TodoList list = empty();
        for (TodoEntry entry : entries) {
            list = list.addEntry(entry);
        }
        return list;
    }

    /** {@code Todo.List.size/1}. */
    public int size() {
        return entries.size();
    }

    /**
     * {@code Todo.List.add_entry/2}: the entry gets the next id.
     *
     * @throws IllegalStateException if every id up to {@code Long.MAX_VALUE} has been given out;
     *     this list stays as it was
     */
    public TodoList addEntry(TodoEntry entry) {
        if (nextId == Long.MAX_VALUE) {
            throw new IllegalStateException("no id is left for " + entry
                    + ": the list's next id is already " + Long.MAX_VALUE + ", the largest");
        }
        return with(nextId + 1, tree().plus(nextId, entry.withId(nextId)));
    }

    /** {@code Todo.List.entries/2}: the entries on {@code date}, in id order. */
    public List<TodoEntry> entries(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return entries.values().stream().filter(entry -> entry.date().equals(date)).toList();
    }

    /**
     * {@code Todo.List.update_entry/3}: the entry with {@code id} replaced by {@code updater}'s
     * result; the list unchanged when there is no such entry.
     *
     * @throws IllegalArgumentException if the updater changes the entry's id
     */
    public TodoList updateEntry(long id, UnaryOperator<TodoEntry> updater) {
        TodoEntry old = entries.get(id);
        if (old == null) {
            return this;
        }
        TodoEntry updated = updater.apply(old);
        if (updated.id() != id) {
            throw new IllegalArgumentException(
                    "an update may not change the id of " + old + " to " + updated.id());
        }
        return with(nextId, tree().plus(id, updated));
    }

    /** {@code Todo.List.delete_entry/2}. */
    public TodoList deleteEntry(long id) {
        if (!entries.containsKey(id)) {
            return this;
        }
        return with(nextId, tree().minus(id));
    }

    private PSortedMap<Long, TodoEntry> tree() {
        return ((Entries) entries).tree;
    }

    /** The private way in: a change this class made, neither copied nor checked again. */
    private static TodoList with(long nextId, PSortedMap<Long, TodoEntry> tree) {
        return new TodoList(nextId, new Entries(tree, nextId));
    }

    /**
     * A read-only view of a persistent map whose entries have been checked for {@code nextId}.
     * Reads are the tree's own (O(log n) lookups); equality and hash code are {@link Map}'s.
     */
    private static final class Entries extends AbstractMap<Long, TodoEntry>
            implements SortedMap<Long, TodoEntry> {
        private final PSortedMap<Long, TodoEntry> tree;
        private final long nextId;

        private Entries(PSortedMap<Long, TodoEntry> tree, long nextId) {
            this.tree = tree;
            this.nextId = nextId;
        }

        /** Checks a map from outside and copies it, once, into a persistent one. */
        static Entries check(long nextId, Map<Long, TodoEntry> entries) {
            if (nextId < 1) {
                throw new IllegalArgumentException("nextId starts at 1: " + nextId);
            }
            PSortedMap<Long, TodoEntry> tree = TreePMap.empty();
            for (Map.Entry<Long, TodoEntry> e : Objects.requireNonNull(entries, "entries")
                    .entrySet()) {
                Long id = e.getKey();
                TodoEntry entry = e.getValue();
                if (id == null || entry == null || id != entry.id() || id < 1 || id >= nextId) {
                    throw new IllegalArgumentException(
                            "entry " + entry + " does not belong under id " + id
                                    + " in a list whose next id is " + nextId);
                }
                tree = tree.plus(id, entry);
            }
            return new Entries(tree, nextId);
        }

        @Override
        public Set<Map.Entry<Long, TodoEntry>> entrySet() {
            return tree.entrySet();
        }

        @Override
        public int size() {
            return tree.size();
        }

        @Override
        public boolean containsKey(Object key) {
            return tree.containsKey(key);
        }

        @Override
        public TodoEntry get(Object key) {
            return tree.get(key);
        }

        @Override
        public Set<Long> keySet() {
            return tree.keySet();
        }

        @Override
        public Collection<TodoEntry> values() {
            return tree.values();
        }

        @Override
        public Comparator<? super Long> comparator() {
            return tree.comparator();
        }

        @Override
        public SortedMap<Long, TodoEntry> subMap(Long fromKey, Long toKey) {
            return tree.subMap(fromKey, toKey);
        }

        @Override
        public SortedMap<Long, TodoEntry> headMap(Long toKey) {
            return tree.headMap(toKey);
        }

        @Override
        public SortedMap<Long, TodoEntry> tailMap(Long fromKey) {
            return tree.tailMap(fromKey);
        }

        @Override
        public Long firstKey() {
            return tree.firstKey();
        }

        @Override
        public Long lastKey() {
            return tree.lastKey();
        }
    }
}
