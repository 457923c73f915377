package todo.pooling;

import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.ListStore;
import todo.persistence.Storage;

/**
 * Design 2, "bypassing the process": no database process at all. Each to-do server reads and
 * writes its own file, in its own process, through this helper. One server per list means one
 * writer per file, so writes of a list stay in order; but as many writes run at once as there
 * are servers with something to store: concurrency is unbounded.
 *
 * <p>A failure is thrown to the caller, the list's own server, which keeps its list and stores it
 * again with its next change; no other list notices.
 */
public final class BypassDatabase implements Database {
    private final ListStore store;

    public BypassDatabase(Storage storage) {
        this.store = new ListStore(storage);
    }

    /** Writes now, in the caller's process; returns when the list is on disk. */
    @Override
    public void store(String key, TodoList list) {
        store.save(key, list);
    }

    @Override
    public TodoList get(String key) {
        return store.load(key);
    }
}
