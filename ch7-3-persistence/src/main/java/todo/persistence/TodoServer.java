package todo.persistence;

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
 * server for the name on its next request. A store that fails in this process (designs that
 * write in the caller) is logged once and written again with the next change.
 */
public final class TodoServer implements GenServer<TodoServer.State, TodoServer.Request> {

    /** The server's protocol, as in step 7.1. */
    public sealed interface Request permits AddEntry, Entries {}

    /** A cast: add the entry, then store the list. */
    public record AddEntry(TodoEntry entry) implements Request {}

    /** A call: the entries on a date. */
    public record Entries(LocalDate date) implements Request {}

    /**
     * The book's {@code {name, todo_list}}; the list is null until it has been loaded, and {@code
     * unsaved} while a store that threw has not been followed by one that worked.
     */
    public record State(String name, TodoList list, boolean unsaved) {}

    private static final System.Logger LOG = System.getLogger(TodoServer.class.getName());

    /** The book's {@code {:continue, :init}}. */
    private enum Continue {
        LOAD
    }

    private final String name;
    private final Database database;

    private TodoServer(String name, Database database) {
        this.name = name;
        this.database = database;
    }

    // ---- interface functions: run in the caller ----

    /**
     * {@code Todo.Server.start(name)}: returns at once; the list is loaded in the new process. The
     * name is not checked here: {@code TodoCache.serverProcess} checks a name where it comes in,
     * and {@code FileStorage} where it becomes a file.
     */
    public static Pid<Request> start(String name, Database database) {
        return GenServer.start(new TodoServer(name, database));
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
        return Result.continueWith(new State(name, null, false), Continue.LOAD);
    }

    @Override
    public Result<State> handleContinue(Object continueArg, State state) {
        TodoList stored = database.get(state.name());
        return Result.noreply(
                new State(state.name(), stored == null ? TodoList.empty() : stored, false));
    }

    @Override
    public Result<State> handleCast(Request request, State state) {
        return switch (request) {
            case AddEntry(TodoEntry entry) -> {
                TodoList list = state.list().addEntry(entry);
                yield Result.noreply(new State(state.name(), list, !store(state, list)));
            }
            case Entries entries ->
                throw new IllegalArgumentException("entries is a call, not a cast");
        };
    }

    /** Stores {@code list}; a failure is logged once, and the next change stores the list again. */
    private boolean store(State state, TodoList list) {
        try {
            database.store(state.name(), list);
            return true;
        } catch (StorageException e) {
            if (!state.unsaved()) {
                LOG.log(Level.WARNING, e.getMessage() + "; written again with the next change");
            }
            return false;
        }
    }

    @Override
    public Result<State> handleCall(Request request, From from, State state) {
        return switch (request) {
            case Entries(LocalDate date) -> Result.reply(state.list().entries(date), state);
            case AddEntry add ->
                throw new IllegalArgumentException("add_entry is a cast, not a call");
        };
    }
}
