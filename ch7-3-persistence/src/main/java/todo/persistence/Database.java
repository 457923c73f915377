package todo.persistence;

import genserver.Pid;
import todo.TodoList;

/**
 * The book's {@code Todo.Database} interface functions. They run in the caller's thread; what
 * they do behind it (one process, one process per request, a pool of workers) is each design's
 * own business, which is what section 7.3.4 compares.
 */
public interface Database extends AutoCloseable {

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

    /**
     * {@link #get}, without its time limit where it has one: what a to-do server asks when its
     * {@code get} at start timed out. The server's changes wait in its mailbox behind the load, so
     * a server that gave up would lose them; a database behind a backlog is slow, not gone.
     */
    default TodoList load(String key) {
        return get(key);
    }

    /**
     * The name that the to-do server of {@code key} is registered under, so that however many
     * caches use this database, a list has one server (two would each store their own copy, and
     * the last write would win); null where the design does not say (servers are not registered).
     */
    default String serverName(String key) {
        return null;
    }

    /** The {@link #serverName} of {@code key} for a design whose users share {@code process}. */
    static String serverName(String key, Pid<?> process) {
        return "todo server '" + key + "' of " + process;
    }

    /**
     * The to-do server {@code server} keeps {@code key} because its {@link #store} threw (the
     * designs that write in the caller): such a design counts it in {@link #writeStatus} and asks
     * the server to store it again on {@link #retry}. Nothing to do for a design that keeps its
     * failed writes itself.
     */
    default void unsaved(String key, Pid<TodoServer.Request> server) {}

    /** The server that kept {@code key} unsaved has stored it since. */
    default void saved(String key) {}

    /** Writes again every list whose last write failed; nothing to do for a design that keeps none. */
    default void retry() {}

    /** The lists not on disk yet and the writes that failed; none for a design that keeps none. */
    default WriteStatus writeStatus() {
        return WriteStatus.NONE;
    }

    /**
     * This user is done with the database: a design stops what it started once its last user
     * closes it. Nothing to do for a design that starts nothing. It throws no checked exception,
     * so that try-with-resources needs no catch.
     */
    @Override
    default void close() {}
}
