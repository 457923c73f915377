package todo.persistence;

import genserver.AlreadyStartedException;
import genserver.Call;
import genserver.CallTimeoutException;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.lang.System.Logger.Level;
import java.time.LocalDate;
import java.util.List;
import todo.TodoEntry;
import todo.TodoList;

/**
 * The book's {@code Todo.Server} of section 7.3: it now has a name, loads its list from the
 * database right after it has started (the book's {@code handle_continue}), and stores the whole
 * list after each change.
 *
 * <p>A list that cannot be loaded (a corrupted or unreadable file) ends this server, and only
 * it: its callers get the error, which names the list and the file, and the cache starts a new
 * server for the name on its next request. A database that is merely slow to answer the load is
 * asked again: the changes sent meanwhile wait in the mailbox, and are not lost with the server.
 * A store that fails in this process (designs that write in the caller) keeps the list unsaved
 * until a later store works ({@link Saving}).
 */
public final class TodoServer implements GenServer<TodoServer.State, TodoServer.Request> {

    /** The server's protocol: step 7.1's, and two messages for a list whose store failed. */
    public sealed interface Request permits AddEntry, Entries, StoreAgain, Self {}

    /** A cast: add the entry, then store the list. */
    public record AddEntry(TodoEntry entry) implements Request, Cast {}

    /** A call, answered with the entries on a date. */
    public record Entries(LocalDate date) implements Request, Call<List<TodoEntry>> {}

    /**
     * A cast: store the list again if it is unsaved; from this server's back-off timer (its id, see
     * {@link Unsaved#timer()}), or {@link #ASKED} by its database's {@code retry}.
     */
    public record StoreAgain(long timer) implements Request, Cast {
        public static final long ASKED = Unsaved.NO_TIMER + 1;
    }

    /** A cast, sent once by {@link #start}: the server's own pid, for its timer and its database. */
    public record Self(Pid<Request> pid) implements Request, Cast {}

    /**
     * The book's {@code {name, todo_list}}; the list is null until it has been loaded, {@code self}
     * until the server has been told its pid, and {@code unsaved} while a store that threw has not
     * been followed by one that worked.
     */
    public record State(String name, TodoList list, Pid<Request> self, Unsaved unsaved) {
        State with(Unsaved newUnsaved) {
            return new State(name, list, self, newUnsaved);
        }
    }

    private static final System.Logger LOG = System.getLogger(TodoServer.class.getName());

    /** The book's {@code {:continue, :init}}, and asking again after a load that timed out. */
    private enum Continue {
        LOAD, LOAD_WITHOUT_LIMIT
    }

    private final String name;
    private final Database database;
    private final Saving saving;

    private TodoServer(String name, Database database) {
        this.name = name;
        this.database = database;
        this.saving = new Saving(database);
    }

    // ---- interface functions: run in the caller ----

    /**
     * {@code Todo.Server.start(name)}: returns at once; the list is loaded in the new process. A
     * list has one server per database: if the database names its servers ({@link
     * Database#serverName}) and one runs for this list, that one is returned. The name is not
     * checked here: {@code TodoCache.serverProcess} checks a name where it comes in, and {@code
     * FileStorage} where it becomes a file.
     */
    @SuppressWarnings("unchecked")
    public static Pid<Request> start(String name, Database database) {
        String registered = database.serverName(name);
        Pid<Request> server;
        try {
            server = registered == null
                    ? GenServer.start(new TodoServer(name, database))
                    : GenServer.start(registered, new TodoServer(name, database));
        } catch (AlreadyStartedException running) {
            return (Pid<Request>) running.pid();
        }
        GenServer.cast(server, new Self(server));
        return server;
    }

    public static void addEntry(Pid<Request> server, TodoEntry entry) {
        GenServer.cast(server, new AddEntry(entry));
    }

    public static List<TodoEntry> entries(Pid<Request> server, LocalDate date) {
        return GenServer.call(server, new Entries(date));
    }

    // ---- callbacks: run in the server process ----

    @Override
    public Result<State> init() {
        return Result.continueWith(new State(name, null, null, null), Continue.LOAD);
    }

    // tag::callbacks[]
    @Override
    public Result<State> handleContinue(Object continueArg, State state) {
        TodoList stored;
        try {
            stored = continueArg == Continue.LOAD
                    ? database.get(state.name())
                    : database.load(state.name());
        } catch (CallTimeoutException slow) {
            LOG.log(Level.WARNING, "the to-do list '" + state.name() + "' is not loaded yet ("
                    + slow.getMessage() + "); asked again, its changes wait for it");
            return Result.continueWith(state, Continue.LOAD_WITHOUT_LIMIT);
        }
        return Result.noreply(new State(state.name(), stored == null ? TodoList.empty() : stored,
                state.self(), null));
    }

    @Override
    public Result<State> handleCast(Request request, State state) {
        return switch (request) {
            case AddEntry(TodoEntry entry) -> Result.noreply(saving.store(new State(state.name(),
                    state.list().addEntry(entry), state.self(), state.unsaved())));
            case StoreAgain(long timer) -> Result.noreply(saving.again(state, timer));
            case Self(Pid<Request> self) -> Result.noreply(saving.knownAs(
                    new State(state.name(), state.list(), self, state.unsaved())));
            case Call<?> call -> throw new AssertionError(call); // cast takes a Cast only
        };
    }
    // end::callbacks[]

    @Override
    public Result<State> handleCall(Request request, From from, State state) {
        return switch (request) {
            case Entries(LocalDate date) -> Result.reply(state.list().entries(date), state);
            case Cast cast -> throw new AssertionError(cast); // call takes a Call only
        };
    }

    /** A list still unsaved is stored once more; if that fails, it is logged as lost. */
    @Override
    public void terminate(Object reason, State state) {
        saving.last(state);
    }
}
