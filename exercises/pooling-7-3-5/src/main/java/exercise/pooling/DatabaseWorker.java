package exercise.pooling;

import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import todo.TodoList;
import todo.persistence.ListStore;
import todo.persistence.Storage;
import todo.persistence.safety.Loaded;

/**
 * The book's {@code Todo.DatabaseWorker}: one process that reads and writes lists through a
 * {@link Storage}, one request at a time. Step 7.3's {@code TodoDatabase} shows how a database
 * process does it; this one is the same, without choosing anything.
 */
public final class DatabaseWorker implements GenServer<ListStore, DatabaseWorker.Request> {

    /** The worker's protocol. */
    public sealed interface Request permits Store, Get {}

    /** A cast: write the list. */
    public record Store(String key, TodoList list) implements Request, Cast {}

    /** A call, answered with the stored list, as a {@link Loaded}. */
    public record Get(String key) implements Request, Call<Loaded> {}

    private final Storage storage;

    private DatabaseWorker(Storage storage) {
        this.storage = storage;
    }

    // ---- interface functions: run in the caller ----

    public static Pid<Request> start(Storage storage) {
        return GenServer.start(new DatabaseWorker(storage));
    }

    public static void store(Pid<Request> worker, String key, TodoList list) {
        throw new UnsupportedOperationException("TODO: cast a Store message to the worker");
    }

    public static TodoList get(Pid<Request> worker, String key) {
        throw new UnsupportedOperationException(
                "TODO: call the worker with a Get message; its answer is a Loaded, whose orThrow() "
                        + "gives the list (or null) or throws, in the caller, why it could not be loaded");
    }

    // ---- callbacks: run in the worker process ----

    @Override
    public Result<ListStore> init() {
        return Result.ok(new ListStore(storage));
    }

    @Override
    public Result<ListStore> handleCast(Request request, ListStore store) {
        throw new UnsupportedOperationException(
                "TODO: on Store, save the list through the store");
    }

    @Override
    public Result<ListStore> handleCall(Request request, From from, ListStore store) {
        throw new UnsupportedOperationException(
                "TODO: on Get, reply with Loaded.from(store, key): the list, none, or why not");
    }
}
