package exercise.pooling;

import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import todo.TodoList;
import todo.persistence.Storage;
import todo.persistence.TermCodec;
import todo.persistence.TodoDatabase;

/**
 * The book's {@code Todo.DatabaseWorker}: one process that reads and writes lists through a
 * {@link Storage}, one request at a time. Step 7.3's {@code TodoDatabase} shows how a database
 * process does it; this one is the same, without choosing anything.
 *
 * <p>The reference solution: it replaces {@code src/main/java}'s starter when the build runs the
 * exercise's tests against it.
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
        GenServer.cast(worker, new Store(key, list));
    }

    public static TodoList get(Pid<Request> worker, String key) {
        return TodoDatabase.answer(GenServer.call(worker, new Get(key)));
    }

    // ---- callbacks: run in the worker process ----

    @Override
    public Result<Storage> init() {
        return Result.ok(storage);
    }

    @Override
    public Result<Storage> handleCast(Request request, Storage storage) {
        return switch (request) {
            case Store(String key, TodoList list) -> {
                storage.write(key, TermCodec.encode(list));
                yield Result.noreply(storage);
            }
            case Get get -> throw new IllegalArgumentException("get is a call, not a cast");
        };
    }

    @Override
    public Result<Storage> handleCall(Request request, From from, Storage storage) {
        return switch (request) {
            case Get(String key) -> Result.reply(TodoDatabase.read(storage, key), storage);
            case Store store -> throw new IllegalArgumentException("store is a cast, not a call");
        };
    }
}
