package todo.persistence.safety;

import todo.TodoList;
import todo.persistence.CorruptDataException;
import todo.persistence.ListStore;
import todo.persistence.StorageException;

/**
 * The answer to a {@code get} that crosses a process boundary: a list, no list, or the reason it
 * could not be loaded. The process that read it goes on either way; {@link #orThrow()} turns a
 * failure into an exception in the caller, where it belongs.
 */
public sealed interface Loaded {

    /** The stored list. */
    record Found(TodoList list) implements Loaded {}

    /** Nothing stored under that name. */
    record Missing() implements Loaded {}

    /** It could not be loaded; the message names the list, where it is and why. */
    record Failed(RuntimeException error) implements Loaded {}

    /** Loads {@code key} from {@code store}, catching whatever goes wrong into a {@link Failed}. */
    static Loaded from(ListStore store, String key) {
        try {
            TodoList list = store.load(key);
            return list == null ? new Missing() : new Found(list);
        } catch (RuntimeException e) {
            return new Failed(e);
        }
    }

    /**
     * The list, or null if none is stored.
     *
     * @throws CorruptDataException, StorageException or IllegalArgumentException, raised anew in
     *     the caller with the original (from the process that read) as its cause
     */
    default TodoList orThrow() {
        return switch (this) {
            case Found(TodoList list) -> list;
            case Missing() -> null;
            case Failed(RuntimeException error) -> throw inCaller(error);
        };
    }

    private static RuntimeException inCaller(RuntimeException error) {
        return switch (error) {
            case CorruptDataException e -> new CorruptDataException(e.getMessage(), e);
            case StorageException e -> new StorageException(e.getMessage(), e);
            case IllegalArgumentException e -> new IllegalArgumentException(e.getMessage(), e);
            default -> new IllegalStateException(error.getMessage(), error);
        };
    }
}
