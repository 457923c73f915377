package todo.persistence;

import genserver.GenServer;
import genserver.Pid;
import genserver.ProcessExitException;
import java.lang.System.Logger.Level;
import todo.TodoList;
import todo.persistence.TodoServer.State;
import todo.persistence.TodoServer.StoreAgain;

/**
 * How a to-do server gets its list to its database when a store throws (the designs that write in
 * the caller, or a database that has stopped): it keeps the list, tries again after a back-off of
 * its own ({@link GenServer#sendAfter}), with its next change, when the database's {@code retry}
 * asks, and once more as it stops; and it tells the database, so that the design's {@code
 * writeStatus} can list it. Only the server's own process calls these functions: they take its
 * state and return the new one.
 */
final class Saving {
    private static final System.Logger LOG = System.getLogger(TodoServer.class.getName());

    private final Database database;

    Saving(Database database) {
        this.database = database;
    }

    /** Stores {@code state}'s list; the state returned says whether it is still unsaved. */
    State store(State state) {
        RuntimeException failure = attempt(state);
        Unsaved before = state.unsaved();
        if (failure == null) {
            if (before != null) {
                database.saved(state.name());
                LOG.log(Level.INFO, "the to-do list '" + state.name() + "' is stored again");
            }
            return state.with(null);
        }
        if (before == null) {
            LOG.log(Level.WARNING, failure.getMessage() + "; its server keeps the list and"
                    + " stores it again after a back-off, with its next change, or as it stops");
            return told(state.with(new Unsaved(1, Unsaved.NO_TIMER)));
        }
        tell(state);
        return state.with(before.failedAgain());
    }

    /**
     * A {@link StoreAgain}: tries again if the list is still unsaved. Only the live timer's failure
     * sets the next timer, so that a retry the database asked for does not start a second chain.
     */
    State again(State state, long timer) {
        Unsaved before = state.unsaved();
        if (before == null) {
            return state; // stored meanwhile: an old timer, or a retry of everything
        }
        State after = store(state);
        if (after.unsaved() != null && timer == before.timer()) {
            return armed(after);
        }
        return after;
    }

    /** The server has learnt its pid: a list that failed before it knew is reported now. */
    State knownAs(State state) {
        return state.unsaved() == null ? state : told(state);
    }

    /** As the server stops: one last store; if that fails, the list is lost, and said so. */
    void last(State state) {
        if (state == null || state.unsaved() == null || state.list() == null) {
            return;
        }
        RuntimeException failure = attempt(state);
        if (failure == null) {
            database.saved(state.name());
            LOG.log(Level.INFO,
                    "the to-do list '" + state.name() + "' is stored as its server stops");
        } else {
            LOG.log(Level.ERROR, "the to-do list '" + state.name() + "' is lost with its server "
                    + state.self() + ": its last " + state.unsaved().failures()
                    + " stores failed, the last one with: " + failure.getMessage());
        }
    }

    /** Tells the database and sets the first back-off timer, once the server knows its pid. */
    private State told(State state) {
        if (state.self() == null) {
            return state;
        }
        tell(state);
        return armed(state);
    }

    private void tell(State state) {
        if (state.self() != null) {
            database.unsaved(state.name(), state.self());
        }
    }

    private static State armed(State state) {
        long timer = System.nanoTime();
        GenServer.sendAfter(state.self(), new StoreAgain(timer), state.unsaved().backOff());
        return state.with(state.unsaved().withTimer(timer));
    }

    /** Null if the list is stored (or on its way, for a design whose store is a cast). */
    private RuntimeException attempt(State state) {
        try {
            database.store(state.name(), state.list());
            return null;
        } catch (StorageException | ProcessExitException e) {
            return e;
        }
    }
}
