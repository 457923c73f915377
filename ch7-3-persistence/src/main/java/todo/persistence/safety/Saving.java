package todo.persistence.safety;

import genserver.AlreadyStartedException;
import genserver.CallTimeoutException;
import genserver.GenServer;
import genserver.Pid;
import genserver.ProcessExitException;
import java.lang.System.Logger.Level;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.StorageException;
import todo.persistence.TodoServer;
import todo.persistence.TodoServer.Request;
import todo.persistence.TodoServer.Safety;

/**
 * The safety layer of 7.3's {@link TodoServer}: what the book's three lines (start, load, store)
 * need so that nothing accepted is lost. A list has one server per database; a load that is only
 * slow is asked again without a limit, so the changes waiting behind it are not dropped; and a
 * store that throws (the designs that write in the caller, or a database that has stopped) keeps
 * the list, tries again after a back-off ({@link GenServer#sendAfter}), with its next change, when
 * the database's {@code retry} asks, and once more as the server stops, telling the database so
 * that its {@code writeStatus} can list it. Only the server's own process calls these functions
 * (but {@link #start} and {@link #askToStoreAgain}): they take its {@link Status} and return the
 * new one.
 */
public final class Saving {
    private static final System.Logger LOG = System.getLogger(TodoServer.class.getName());

    /** The layer's messages, which a server receives wrapped in its {@link Safety} request. */
    public sealed interface Message permits KnownAs, StoreAgain {}

    /** Sent once by {@link #start}: the server's own pid, for its timer and its database. */
    public record KnownAs(Pid<Request> self) implements Message {}

    /** Store the list again if it is unsaved; from the server's back-off timer, or {@link #ASKED}. */
    public record StoreAgain(long timer) implements Message {}

    /** A {@link StoreAgain} that the database's {@code retry} sent, not a timer. */
    public static final long ASKED = Unsaved.NO_TIMER + 1;

    /**
     * The layer's part of a server's state: its pid once known, and its list's {@link Unsaved}
     * record while a store that threw has not been followed by one that worked (else null).
     */
    public record Status(Pid<Request> self, Unsaved unsaved) {
        public static final Status STARTING = new Status(null, null);

        Status with(Unsaved newUnsaved) {
            return new Status(self, newUnsaved);
        }
    }

    private final Database database;

    public Saving(Database database) {
        this.database = database;
    }

    /**
     * Starts {@code server} under {@code registered} (a name its database gives, so that a list
     * has one server however many caches ask; null: unregistered), or returns the one running
     * under that name; a new server is told its pid.
     */
    @SuppressWarnings("unchecked")
    public static Pid<Request> start(String registered, TodoServer server) {
        Pid<Request> pid;
        try {
            pid = registered == null
                    ? GenServer.start(server)
                    : GenServer.start(registered, server);
        } catch (AlreadyStartedException running) {
            return (Pid<Request>) running.pid();
        }
        GenServer.cast(pid, new Safety(new KnownAs(pid)));
        return pid;
    }

    /** The database's {@code retry}: asks {@code server} to store its list again if it is unsaved. */
    public static void askToStoreAgain(Pid<Request> server) {
        GenServer.cast(server, new Safety(new StoreAgain(ASKED)));
    }

    /**
     * {@code Todo.Database.get(name)}; if the database does not answer within the call's time limit
     * (a backlog of stores in front of it), asked again without one, as often as it takes: a
     * database behind a backlog is slow, not gone.
     */
    public static TodoList load(Database database, String name) {
        for (boolean first = true;; first = false) {
            try {
                return first ? database.get(name) : database.load(name);
            } catch (CallTimeoutException slow) {
                LOG.log(Level.WARNING, "the to-do list '" + name + "' is not loaded yet ("
                        + slow.getMessage() + "); asked again, its changes wait for it");
            }
        }
    }

    /** {@code Todo.Database.store(name, list)}; the status returned says whether it is unsaved. */
    public Status store(String name, TodoList list, Status status) {
        RuntimeException failure = attempt(name, list);
        Unsaved before = status.unsaved();
        if (failure == null) {
            if (before != null) {
                database.saved(name);
                LOG.log(Level.INFO, "the to-do list '" + name + "' is stored again");
            }
            return status.with(null);
        }
        if (before == null) {
            LOG.log(Level.WARNING, failure.getMessage() + "; its server keeps the list and"
                    + " stores it again after a back-off, with its next change, or as it stops");
            return told(name, status.with(new Unsaved(1, Unsaved.NO_TIMER)));
        }
        tell(name, status);
        return status.with(before.failedAgain());
    }

    /** Handles one of the layer's messages. */
    public Status handle(Message message, String name, TodoList list, Status status) {
        return switch (message) {
            case KnownAs(Pid<Request> self) -> knownAs(name, new Status(self, status.unsaved()));
            case StoreAgain(long timer) -> again(name, list, status, timer);
        };
    }

    /** As the server stops: one last store; if that fails, the list is lost, and said so. */
    public void last(String name, TodoList list, Status status) {
        if (status == null || status.unsaved() == null || list == null) {
            return;
        }
        RuntimeException failure = attempt(name, list);
        if (failure == null) {
            database.saved(name);
            LOG.log(Level.INFO, "the to-do list '" + name + "' is stored as its server stops");
        } else {
            LOG.log(Level.ERROR, "the to-do list '" + name + "' is lost with its server "
                    + status.self() + ": its last " + status.unsaved().failures()
                    + " stores failed, the last one with: " + failure.getMessage());
        }
    }

    /**
     * Tries again if the list is still unsaved. Only the live timer's failure sets the next timer,
     * so that a retry the database asked for does not start a second chain.
     */
    private Status again(String name, TodoList list, Status status, long timer) {
        Unsaved before = status.unsaved();
        if (before == null || list == null) {
            return status; // stored meanwhile: an old timer, or a retry of everything
        }
        Status after = store(name, list, status);
        if (after.unsaved() != null && timer == before.timer()) {
            return armed(after);
        }
        return after;
    }

    /** The server has learnt its pid: a list that failed before it knew is reported now. */
    private Status knownAs(String name, Status status) {
        return status.unsaved() == null ? status : told(name, status);
    }

    /** Tells the database and sets the first back-off timer, once the server knows its pid. */
    private Status told(String name, Status status) {
        if (status.self() == null) {
            return status;
        }
        tell(name, status);
        return armed(status);
    }

    private void tell(String name, Status status) {
        if (status.self() != null) {
            database.unsaved(name, status.self());
        }
    }

    private static Status armed(Status status) {
        long timer = System.nanoTime();
        GenServer.sendAfter(status.self(), new Safety(new StoreAgain(timer)),
                status.unsaved().backOff());
        return status.with(status.unsaved().withTimer(timer));
    }

    /** Null if the list is stored (or on its way, for a design whose store is a cast). */
    private RuntimeException attempt(String name, TodoList list) {
        try {
            database.store(name, list);
            return null;
        } catch (StorageException | ProcessExitException e) {
            return e;
        }
    }
}
