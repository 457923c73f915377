package todo;

import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.time.LocalDate;
import java.util.List;

/**
 * The book's {@code Todo.Server}: one process that owns one {@link TodoList}.
 *
 * <p>As in the book, the interface functions come first and run in the caller's thread; the
 * callbacks follow and run in the server's own process, the only place the list lives.
 */
// tag::server[]
public final class TodoServer implements GenServer<TodoList, TodoServer.Request> {

    /** The server's protocol: one record per message, each a cast or a call. */
    public sealed interface Request permits AddEntry, Entries {}

    /** A cast: add the entry. */
    public record AddEntry(TodoEntry entry) implements Request, Cast {}

    /** A call, answered with the entries on a date. */
    public record Entries(LocalDate date) implements Request, Call<List<TodoEntry>> {}

    // ---- interface functions: run in the caller ----

    /** {@code Todo.Server.start()}. */
    public static Pid<Request> start() {
        return GenServer.start(new TodoServer());
    }

    /** {@code Todo.Server.add_entry/2}, a cast: returns at once. */
    public static void addEntry(Pid<Request> server, TodoEntry entry) {
        GenServer.cast(server, new AddEntry(entry));
    }

    /** {@code Todo.Server.entries/2}, a call: waits for the answer. */
    public static List<TodoEntry> entries(Pid<Request> server, LocalDate date) {
        return GenServer.call(server, new Entries(date));
    }

    // ---- callbacks: run in the server process ----

    @Override
    public Result<TodoList> init() {
        return Result.ok(TodoList.empty());
    }

    @Override
    public Result<TodoList> handleCast(Request request, TodoList list) {
        return switch (request) {
            case AddEntry(TodoEntry entry) -> Result.noreply(list.addEntry(entry));
            case Call<?> call -> throw new AssertionError(call); // cast takes a Cast only
        };
    }

    @Override
    public Result<TodoList> handleCall(Request request, From from, TodoList list) {
        return switch (request) {
            case Entries(LocalDate date) -> Result.reply(list.entries(date), list);
            case Cast cast -> throw new AssertionError(cast); // call takes a Call only
        };
    }
}
// end::server[]
