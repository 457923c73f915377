package todo;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The book's {@code Todo.List}: a pure, immutable value. Every "change" returns a new list and
 * leaves this one as it was, so a list can be handed to any process without a copy or a lock.
 *
 * @param nextId the id the next added entry gets (ids are never reused, even after a delete)
 * @param entries every entry by id, in id order
 */
public record TodoList(int nextId, SortedMap<Integer, TodoEntry> entries) {

    public TodoList {
        if (nextId < 1) {
            throw new IllegalArgumentException("nextId starts at 1: " + nextId);
        }
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        entries.forEach((id, entry) -> {
            if (id != entry.id() || id < 1 || id >= nextId) {
                throw new IllegalArgumentException(
                        "entry " + entry + " does not belong under id " + id
                                + " in a list whose next id is " + nextId);
            }
        });
    }

    private static final TodoList EMPTY = new TodoList(1, new TreeMap<>());

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

    /** {@code Todo.List.add_entry/2}: the entry gets the next id. */
    public TodoList addEntry(TodoEntry entry) {
        var next = new TreeMap<>(entries);
        next.put(nextId, entry.withId(nextId));
        return new TodoList(nextId + 1, next);
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
    public TodoList updateEntry(int id, UnaryOperator<TodoEntry> updater) {
        TodoEntry old = entries.get(id);
        if (old == null) {
            return this;
        }
        TodoEntry updated = updater.apply(old);
        if (updated.id() != id) {
            throw new IllegalArgumentException(
                    "an update may not change the id of " + old + " to " + updated.id());
        }
        var next = new TreeMap<>(entries);
        next.put(id, updated);
        return new TodoList(nextId, next);
    }

    /** {@code Todo.List.delete_entry/2}. */
    public TodoList deleteEntry(int id) {
        if (!entries.containsKey(id)) {
            return this;
        }
        var next = new TreeMap<>(entries);
        next.remove(id);
        return new TodoList(nextId, next);
    }
}
