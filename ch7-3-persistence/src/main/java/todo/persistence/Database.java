package todo.persistence;

import todo.TodoList;

/**
 * The book's {@code Todo.Database} interface functions. They run in the caller's thread; what
 * they do behind it (one process, one process per request, a pool of workers) is each design's
 * own business, which is what section 7.3.4 compares.
 */
public interface Database {

    /** {@code Todo.Database.store/2}: save the whole list under {@code key}; may return before it is on disk. */
    void store(String key, TodoList list);

    /**
     * {@code Todo.Database.get/1}: the list stored under {@code key}, or null if there is none.
     *
     * @throws CorruptDataException if what is stored is not a to-do list
     */
    TodoList get(String key);
}
