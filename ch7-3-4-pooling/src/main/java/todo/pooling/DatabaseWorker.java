package todo.pooling;

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
import todo.persistence.safety.PendingWrites;
import todo.pooling.safety.WorkerSafety;

/**
 * The book's {@code Todo.DatabaseWorker} (7.3.5): one process that reads and writes files. The
 * pooled designs run several; each handles one request at a time, in the order it got them. Its
 * state is its {@link PendingWrites}: a request's fault fails that request only, and a list whose
 * write failed is kept and written again ({@link WorkerSafety} has the rest of that layer).
 */
public final class DatabaseWorker implements GenServer<PendingWrites, DatabaseWorker.Request> {

    /** A worker's protocol: the book's two messages, and its safety layer's. */
    public sealed interface Request permits Store, Get, Safety, SafetyCall {}

    /** Write the list. */
    public record Store(String key, TodoList list) implements Request, Cast {}

    /** Read the list. */
    public record Get(String key) implements Request, Call<Loaded> {}

    /** A safety cast (retry): see {@link WorkerSafety}. */
    public record Safety(WorkerSafety.Note note) implements Request, Cast {
        public Safety {
            java.util.Objects.requireNonNull(note, "note"); // refused in the sender
        }
    }

    /** A safety call (a store that waits, the status), answered with R: see {@link WorkerSafety}. */
    public record SafetyCall<R>(WorkerSafety.Ask<R> ask) implements Request, Call<R> {
        public SafetyCall {
            java.util.Objects.requireNonNull(ask, "ask"); // refused in the caller
        }
    }

    private final Storage storage;
    private final boolean keepsFailedWrites;

    private DatabaseWorker(Storage storage, boolean keepsFailedWrites) {
        this.storage = storage;
        this.keepsFailedWrites = keepsFailedWrites;
    }

    // ---- interface functions: run in the caller ----

    /** {@code Todo.DatabaseWorker.start/1}, over any storage. */
    public static Pid<Request> start(Storage storage) {
        return start(storage, true);
    }

    /** With {@code keepsFailedWrites} false, a failed write is only logged and counted (design 5). */
    public static Pid<Request> start(Storage storage, boolean keepsFailedWrites) {
        return GenServer.start(new DatabaseWorker(storage, keepsFailedWrites));
    }

    /** {@code Todo.DatabaseWorker.store/3}: a cast. */
    public static void store(Pid<Request> worker, String key, TodoList list) {
        GenServer.cast(worker, new Store(ListStore.requireList(key, list), list));
    }

    /** {@code Todo.DatabaseWorker.get/2}. */
    public static TodoList get(Pid<Request> worker, String key) {
        Loaded loaded = GenServer.call(worker, new Get(key));
        return loaded.orThrow();
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
            case Safety(WorkerSafety.Note note) -> WorkerSafety.cast(note, writes);
            case Call<?> call -> throw new AssertionError(call); // cast takes a Cast only
        }
        return Result.noreply(writes);
    }

    @Override
    public Result<PendingWrites> handleCall(Request request, From from, PendingWrites writes) {
        return switch (request) {
            case Get(String key) -> Result.reply(writes.get(key), writes);
            case SafetyCall<?>(WorkerSafety.Ask<?> ask) ->
                Result.reply(WorkerSafety.call(ask, writes), writes);
            case Cast cast -> throw new AssertionError(cast); // call takes a Call only
        };
    }
    // end::worker[]

    /** As the worker ends: one last try of its failed writes, and a log line for each one lost. */
    @Override
    public void terminate(Object reason, PendingWrites writes) {
        WorkerSafety.terminate(writes);
    }
}
