package todo.pooling;

import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.time.Duration;
import todo.TodoList;
import todo.persistence.ListStore;
import todo.persistence.Loaded;
import todo.persistence.PendingWrites;
import todo.persistence.Storage;
import todo.persistence.WriteStatus;

/**
 * The book's {@code Todo.DatabaseWorker} (7.3.5): one process that reads and writes files. The
 * pooled designs run several; each handles one request at a time, in the order it got them. A
 * request's fault fails that request only: the worker goes on ({@link PendingWrites}).
 */
public final class DatabaseWorker implements GenServer<PendingWrites, DatabaseWorker.Request> {

    /** A worker's protocol. */
    public sealed interface Request permits Store, StoreAndWait, Get, Retry, Status {}

    /** A cast, as in the book: write the list. */
    public record Store(String key, TodoList list) implements Request, Cast {}

    /** {@link Store} as a call, when the caller must know it is done: answered with {@link Stored}. */
    public record StoreAndWait(String key, TodoList list) implements Request, Call<Stored> {}

    /** A call, answered with the list read, as a {@link Loaded}. */
    public record Get(String key) implements Request, Call<Loaded> {}

    /** A cast: write again the lists whose write failed. */
    public record Retry() implements Request, Cast {}

    /** A call, answered with the worker's {@link WriteStatus}. */
    public record Status() implements Request, Call<WriteStatus> {}

    /** The answer to a {@link Store} call: whether the list is on disk now. */
    public record Stored(boolean onDisk) {}

    private final Storage storage;
    private final boolean keepsFailedWrites;

    private DatabaseWorker(Storage storage, boolean keepsFailedWrites) {
        this.storage = storage;
        this.keepsFailedWrites = keepsFailedWrites;
    }

    // ---- interface functions: run in the caller ----

    /** A worker that keeps a list whose write failed and writes it again later (design 4). */
    public static Pid<Request> start(Storage storage) {
        return start(storage, true);
    }

    /**
     * A worker; with {@code keepsFailedWrites} false, a failed write is logged and counted only,
     * for a worker that is not its lists' only writer (design 5).
     */
    public static Pid<Request> start(Storage storage, boolean keepsFailedWrites) {
        return GenServer.start(new DatabaseWorker(storage, keepsFailedWrites));
    }

    /** {@code Todo.DatabaseWorker.store/3}: a cast. */
    public static void store(Pid<Request> worker, String key, TodoList list) {
        GenServer.cast(worker, new Store(ListStore.requireList(key, list), list));
    }

    /** The same write as a call: returns once the write is done, saying whether it worked. */
    public static Stored storeAndWait(Pid<Request> worker, String key, TodoList list) {
        return GenServer.call(worker, new StoreAndWait(ListStore.requireList(key, list), list));
    }

    /** {@code Todo.DatabaseWorker.get/2}. */
    public static TodoList get(Pid<Request> worker, String key) {
        return get(worker, key, GenServer.DEFAULT_TIMEOUT);
    }

    /** {@link #get} waiting up to {@code timeout} ({@code TodoDatabase.FOREVER}: as long as it takes). */
    public static TodoList get(Pid<Request> worker, String key, Duration timeout) {
        Loaded loaded = GenServer.call(worker, new Get(key), timeout);
        return loaded.orThrow();
    }

    public static void retry(Pid<Request> worker) {
        GenServer.cast(worker, new Retry());
    }

    public static WriteStatus status(Pid<Request> worker) {
        return GenServer.call(worker, new Status());
    }

    // ---- callbacks: run in the worker process ----

    @Override
    public Result<PendingWrites> init() {
        return Result.ok(new PendingWrites(new ListStore(storage), keepsFailedWrites));
    }

    // tag::worker[]
    @Override
    public Result<PendingWrites> handleCast(Request request, PendingWrites writes) {
        switch (request) {
            case Store(String key, TodoList list) -> writes.write(key, list);
            case Retry() -> writes.retry();
            case Call<?> call -> throw new AssertionError(call); // cast takes a Cast only
        }
        return Result.noreply(writes);
    }

    @Override
    public Result<PendingWrites> handleCall(Request request, From from, PendingWrites writes) {
        return switch (request) {
            case StoreAndWait(String key, TodoList list) ->
                Result.reply(new Stored(writes.write(key, list)), writes);
            case Get(String key) -> Result.reply(writes.get(key), writes);
            case Status() -> Result.reply(writes.status(), writes);
            case Cast cast -> throw new AssertionError(cast); // call takes a Call only
        };
    }
    // end::worker[]

    @Override
    public void terminate(Object reason, PendingWrites writes) {
        if (writes != null) {
            writes.close();
        }
    }
}
