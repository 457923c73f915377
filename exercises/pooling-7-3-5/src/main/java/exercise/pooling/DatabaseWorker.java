package exercise.pooling;

import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import todo.TodoList;
import todo.persistence.Storage;

/**
 * The book's {@code Todo.DatabaseWorker}: one process that reads and writes lists through a
 * {@link Storage}, one request at a time. Step 7.3's {@code TodoDatabase} shows how a database
 * process does it; this one is the same, without choosing anything.
 */
public final class DatabaseWorker implements GenServer<Storage, DatabaseWorker.Request> {

    /** The worker's protocol. */
    public sealed interface Request permits Store, Get {}

    /** A cast: write the list. */
    public record Store(String key, TodoList list) implements Request {}

    /** A call: the stored list, or null. */
    public record Get(String key) implements Request {}

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
                "TODO: call the worker with a Get message and return its answer "
                        + "(TodoDatabase.answer turns a corrupted file into an exception)");
    }

    // ---- callbacks: run in the worker process ----

    @Override
    public Result<Storage> init() {
        return Result.ok(storage);
    }

    @Override
    public Result<Storage> handleCast(Request request, Storage storage) {
        throw new UnsupportedOperationException(
                "TODO: on Store, write TermCodec.encode(list) to the storage");
    }

    @Override
    public Result<Storage> handleCall(Request request, From from, Storage storage) {
        throw new UnsupportedOperationException(
                "TODO: on Get, reply with TodoDatabase.read(storage, key)");
    }
}
