package exercise.pooling;

import genserver.Pid;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.Storage;

/**
 * Exercise 7.3.5: the database becomes a pool of {@link DatabaseWorker}s. The database process
 * starts the workers and answers one question, "which worker serves this key?" (the book's
 * {@code choose_worker}); {@code store} and {@code get} then talk to that worker directly.
 */
public final class PooledDatabase implements Database {

    /**
     * Starts the database process, which starts {@code workers} workers over {@code storage}.
     */
    public static PooledDatabase start(Storage storage, int workers) {
        throw new UnsupportedOperationException("TODO: start a database process whose init starts "
                + workers + " DatabaseWorker processes and keeps them in its state");
    }

    /** The worker that serves {@code key}: always the same one for the same key. */
    public Pid<DatabaseWorker.Request> chooseWorker(String key) {
        throw new UnsupportedOperationException(
                "TODO: ask the database process which worker serves the key "
                        + "(a hash of the key modulo the worker count; mind negative hash codes)");
    }

    @Override
    public void store(String key, TodoList list) {
        throw new UnsupportedOperationException("TODO: choose the worker, then store through it");
    }

    @Override
    public TodoList get(String key) {
        throw new UnsupportedOperationException("TODO: choose the worker, then get through it");
    }
}
