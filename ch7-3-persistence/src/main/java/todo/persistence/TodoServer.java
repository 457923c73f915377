package todo.persistence;

import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.time.LocalDate;
import java.util.List;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.safety.Saving;

/**
 * The book's {@code Todo.Server} of section 7.3: it now has a name, loads its list from the
 * database right after it has started (the book's {@code handle_continue}), and stores the whole
 * list after each change.
 *
 * <p>What keeps a list safe when the database is slow or a store fails is the {@link Saving}
 * layer, called once where the book loads and once where it stores; its own messages come
 * wrapped in one {@link Safety} request. A list that cannot be loaded (a corrupted file) ends
 * this server only: its callers get the error, and the cache starts a new server next time.
 */
public final class TodoServer implements GenServer<TodoServer.State, TodoServer.Request> {

    /** The server's protocol: step 7.1's two requests, and the safety layer's messages. */
    public sealed interface Request permits AddEntry, Entries, Safety {}

    /** A cast: add the entry, then store the list. */
    public record AddEntry(TodoEntry entry) implements Request, Cast {}

    /** A call: the entries on a date. */
    public record Entries(LocalDate date) implements Request, Call<List<TodoEntry>> {}

    /** A cast from the {@link Saving} layer (the server's pid, a timer to store again). */
    public record Safety(Saving.Message message) implements Request, Cast {
        public Safety {
            java.util.Objects.requireNonNull(message, "message"); // refused in the sender
        }
    }

    /** The book's {@code {name, todo_list}} (null until loaded), and the safety layer's status. */
    public record State(String name, TodoList list, Saving.Status saving) {}

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
     * list has one server per database: if one runs for this name, that one is returned.
     */
    public static Pid<Request> start(String name, Database database) {
        return Saving.start(database.serverName(name), new TodoServer(name, database));
    }

    public static void addEntry(Pid<Request> server, TodoEntry entry) {
        GenServer.cast(server, new AddEntry(entry));
    }

    public static List<TodoEntry> entries(Pid<Request> server, LocalDate date) {
        return GenServer.call(server, new Entries(date));
    }

    // ---- callbacks: run in the server process ----

    // tag::callbacks[]
    @Override
    public Result<State> init() {
        return Result.continueWith(new State(name, null, Saving.Status.STARTING), "init");
    }

    @Override
    public Result<State> handleContinue(Object init, State state) {
        TodoList stored = Saving.load(database, state.name());
        return Result.noreply(new State(state.name(),
                stored == null ? TodoList.empty() : stored, state.saving()));
    }

    @Override
    public Result<State> handleCast(Request request, State state) {
        return switch (request) {
            case AddEntry(TodoEntry entry) -> {
                TodoList newList = state.list().addEntry(entry);
                Saving.Status saved = saving.store(state.name(), newList, state.saving());
                yield Result.noreply(new State(state.name(), newList, saved));
            }
            case Safety(Saving.Message message) -> Result.noreply(new State(state.name(),
                    state.list(),
                    saving.handle(message, state.name(), state.list(), state.saving())));
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
        if (state != null) {
            saving.last(state.name(), state.list(), state.saving());
        }
    }
}
