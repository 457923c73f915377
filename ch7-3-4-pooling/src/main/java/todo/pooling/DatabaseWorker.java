package todo.pooling;

import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import todo.TodoList;
import todo.persistence.Storage;
import todo.persistence.TermCodec;
import todo.persistence.TodoDatabase;

/**
 * The book's {@code Todo.DatabaseWorker} (7.3.5): one process that reads and writes files. The
 * pooled designs run several; each handles one request at a time, in the order it got them.
 */
public final class DatabaseWorker implements GenServer<Storage, DatabaseWorker.Request> {

    /** A worker's protocol. */
    public sealed interface Request permits Store, Get {}

    /** Write the list: a cast in the book; a call when the caller must know it is done. */
    public record Store(String key, TodoList list) implements Request {}

    /** A call: read the list, or null. */
    public record Get(String key) implements Request {}

    private final Storage storage;

    private DatabaseWorker(Storage storage) {
        this.storage = storage;
    }

    // ---- interface functions: run in the caller ----

    public static Pid<Request> start(Storage storage) {
        return GenServer.start(new DatabaseWorker(storage));
    }

    /** {@code Todo.DatabaseWorker.store/3}: a cast. */
    public static void store(Pid<Request> worker, String key, TodoList list) {
        GenServer.cast(worker, new Store(key, list));
    }

    /** The same write as a call: returns once the list is on disk. */
    public static void storeAndWait(Pid<Request> worker, String key, TodoList list) {
        GenServer.call(worker, new Store(key, list));
    }

    /** {@code Todo.DatabaseWorker.get/2}. */
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
            case Store(String key, TodoList list) -> {
                storage.write(key, TermCodec.encode(list));
                yield Result.reply("ok", storage);
            }
            case Get(String key) -> Result.reply(TodoDatabase.read(storage, key), storage);
        };
    }
}
