package todo.pooling;

import genserver.GenServer;
import genserver.Pid;
import genserver.ProcessExitException;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.ListStore;
import todo.persistence.Storage;
import todo.persistence.StorageException;
import todo.persistence.TodoServer;
import todo.persistence.safety.FolderOwner;
import todo.persistence.safety.WriteStatus;
import todo.pooling.safety.UnsavedLedger;

/**
 * Design 2, "bypassing the process": no database process at all. Each to-do server reads and
 * writes its own file, in its own process, through this helper. One server per list means one
 * writer per file, so writes of a list stay in order; but as many writes run at once as there
 * are servers with something to store: concurrency is unbounded.
 *
 * <p>A failure is thrown to the caller, the list's own server, which keeps its list and writes it
 * again (after a back-off, with its next change, on {@link #retry()}, as it stops); no other list
 * notices. The servers tell an {@link UnsavedLedger} about it, which is what {@link #writeStatus()}
 * reads: a bookkeeping process only, through which no write goes.
 */
public class BypassDatabase implements Database {
    private final ListStore store;
    private final Pid<UnsavedLedger.Request> ledger;

    /** Over {@code storage}, reporting to {@code ledger}; design 6 passes its rows. */
    BypassDatabase(Storage storage, Pid<UnsavedLedger.Request> ledger) {
        this.store = new ListStore(storage);
        this.ledger = ledger;
    }

    /** Writes through {@code storage}, with a ledger of its own; {@link #close()} stops it. */
    public static BypassDatabase start(Storage storage) {
        return new BypassDatabase(storage, UnsavedLedger.start());
    }

    /**
     * Waits for the writes under way, then stops the ledger. From the start of the close on a
     * store is refused, as by the designs whose process has stopped: the folder may have another
     * owner once this returns, and a second writer could put an older list over its newer one. The
     * server keeps its list and says so.
     */
    @Override
    public void close() {
        try {
            GenServer.call(ledger, new UnsavedLedger.Drain(), GenServer.INFINITY);
        } catch (ProcessExitException alreadyStopped) {
            return;
        }
        FolderOwner.stopIfAlive(ledger);
    }

    /**
     * Writes now, in the caller's process; returns when the list is on disk. The ledger counts the
     * write while it runs, so that a close waits for it.
     */
    @Override
    public void store(String key, TodoList list) {
        ListStore.requireList(key, list);
        if (!begin()) {
            throw new StorageException("the to-do list '" + key + "' is not stored: its database"
                    + " is closed (its ledger " + ledger + " has stopped or is stopping)", null);
        }
        try {
            store.save(key, list);
        } finally {
            GenServer.cast(ledger, new UnsavedLedger.End());
        }
    }

    /** Whether the ledger lets a write begin: not once the close has begun. */
    private boolean begin() {
        try {
            return GenServer.call(ledger, new UnsavedLedger.Begin(), GenServer.INFINITY);
        } catch (ProcessExitException stopped) {
            return false;
        }
    }

    @Override
    public TodoList get(String key) {
        return store.load(key);
    }

    /** Named after the ledger, which this design's users share: one server per list. */
    @Override
    public String serverName(String key) {
        return Database.serverName(key, ledger);
    }

    @Override
    public void unsaved(String key, Pid<TodoServer.Request> server) {
        GenServer.cast(ledger, new UnsavedLedger.Failed(key, server));
    }

    @Override
    public void saved(String key) {
        GenServer.cast(ledger, new UnsavedLedger.Written(key));
    }

    /** Asks each server that keeps an unsaved list to write it again. */
    @Override
    public void retry() {
        GenServer.cast(ledger, new UnsavedLedger.Retry());
    }

    @Override
    public WriteStatus writeStatus() {
        return GenServer.call(ledger, new UnsavedLedger.Status());
    }
}
