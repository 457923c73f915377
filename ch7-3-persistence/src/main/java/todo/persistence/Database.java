package todo.persistence;

import todo.TodoList;

/**
 * The book's {@code Todo.Database} interface functions. They run in the caller's thread; what
 * they do behind it (one process, one process per request, a pool of workers) is each design's
 * own business, which is what section 7.3.4 compares.
 */
public interface Database {

    /**
     * {@code Todo.Database.store/2}: save the whole list under {@code key}; may return before it is
     * on disk. A design whose writes run in its own process keeps a list whose write failed and
     * writes it again later ({@link PendingWrites}); one that writes in the caller throws.
     *
     * @throws IllegalArgumentException if {@code key} cannot be a list's name (in the caller)
     */
    void store(String key, TodoList list);

    /**
     * {@code Todo.Database.get/1}: the list stored under {@code key}, or null if there is none.
     *
     * @throws IllegalArgumentException if {@code key} cannot be a list's name (in the caller)
     * @throws CorruptDataException if what is stored is not a to-do list
     * @throws StorageException if it cannot be read
     */
    TodoList get(String key);

    /** Writes again every list whose last write failed; nothing to do for a design that keeps none. */
    default void retry() {}

    /** The lists not on disk yet and the writes that failed; none for a design that keeps none. */
    default WriteStatus writeStatus() {
        return WriteStatus.NONE;
    }
}
