package todo.pooling;

import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.time.Duration;
import java.util.function.UnaryOperator;
import todo.TodoList;
import todo.persistence.FileStorage;
import todo.persistence.ListStore;
import todo.persistence.Storage;
import todo.persistence.TodoDatabase;
import todo.persistence.safety.FolderOwner;
import todo.persistence.safety.ListNames;
import todo.persistence.safety.Loaded;
import todo.persistence.safety.WriteStatus;
import todo.pooling.safety.OneOffSafety;
import todo.pooling.safety.OneOffSafety.State;
import todo.pooling.safety.SharedDatabase;

/**
 * Design 3, "handling requests concurrently": every request still goes through one database
 * process, but it only spawns a one-off worker and takes the next message. {@code get} returns
 * {@code {:noreply, state}}; the worker answers the caller through {@link GenServer#reply}.
 * Concurrency is unbounded, and two writes of one list run in two processes that nothing orders:
 * the older can land last. {@link OneOffSafety} is what this design adds so that nothing stored is
 * lost: each worker reports back, a failed or overtaken write is written again, a get reads its
 * own writes, and the database stops only once every write has reported.
 */
public final class OneOffWorkerDatabase extends SharedDatabase<OneOffWorkerDatabase.Request> {
    /** How {@link FolderOwner} names this design to another one that finds the folder taken. */
    public static final String DESIGN = "OneOffWorkerDatabase (design 3)";

    /** The database's protocol: the book's two messages, and its safety layer's. */
    public sealed interface Request permits Store, Get, Safety, SafetyCall {}

    /** A cast: write the list, in a new one-off worker. */
    public record Store(String key, TodoList list) implements Request, Cast {}

    /** A call: read the list, in a new one-off worker that answers with a {@link Loaded}. */
    public record Get(String key) implements Request, Call<Loaded> {}

    /** The workers' reports, retry, status, drain: see {@link OneOffSafety}. */
    public record Safety(OneOffSafety.Note note) implements Request, Cast {
        public Safety {
            java.util.Objects.requireNonNull(note, "note"); // refused in the sender
        }
    }

    /** A safety call (status, drain), answered with R: see {@link OneOffSafety}. */
    public record SafetyCall<R>(OneOffSafety.Ask<R> ask) implements Request, Call<R> {
        public SafetyCall {
            java.util.Objects.requireNonNull(ask, "ask"); // refused in the caller
        }
    }

    private OneOffWorkerDatabase(Pid<Request> pid, FolderOwner.Lease<Pid<Request>> lease) {
        super(pid, lease, OneOffSafety::drainAndStop);
    }

    // ---- interface functions: run in the caller ----

    /** The database of {@code files}' folder: the running one, or a new one writing through {@code wrap}. */
    public static OneOffWorkerDatabase start(FileStorage files, UnaryOperator<Storage> wrap) {
        FolderOwner.Lease<Pid<Request>> lease = FolderOwner.acquire(files, DESIGN,
                () -> OneOffSafety.served(GenServer.start(new Server(wrap.apply(files)))));
        return new OneOffWorkerDatabase(lease.handle(), lease);
    }

    /** A database over any storage, not registered. */
    public static OneOffWorkerDatabase start(Storage storage) {
        return new OneOffWorkerDatabase(
                OneOffSafety.introduced(GenServer.start(new Server(storage))),
                null);
    }

    @Override
    public void store(String key, TodoList list) {
        FolderOwner.requireAlive(pid(), ListStore.requireList(key, list));
        GenServer.cast(pid(), new Store(key, list));
    }

    @Override
    public TodoList get(String key) {
        return get(key, GenServer.DEFAULT_TIMEOUT);
    }

    /** {@link #get} without the 5 s limit, for a to-do server whose load timed out. */
    @Override
    public TodoList load(String key) {
        return get(key, GenServer.INFINITY);
    }

    private TodoList get(String key, Duration timeout) {
        Loaded loaded = GenServer.call(pid(), new Get(ListNames.requireValid(key)), timeout);
        return loaded.orThrow();
    }

    @Override
    public void retry() {
        OneOffSafety.retry(pid());
    }

    @Override
    public WriteStatus writeStatus() {
        return OneOffSafety.status(pid());
    }

    // ---- callbacks: run in the database process ----

    record Server(Storage storage) implements GenServer<State, Request> {

        @Override
        public Result<State> init() {
            return Result.ok(OneOffSafety.init(storage));
        }

        // tag::one-off-store[]
        @Override
        public Result<State> handleCast(Request request, State state) {
            switch (request) {
                // a one-off worker writes, then reports back (OneOffSafety.Write)
                case Store(String key, TodoList list) -> GenServer.spawn(state.accept(key, list));
                case Safety(OneOffSafety.Note note) -> {
                    return Result.noreply(OneOffSafety.cast(note, state));
                }
                case Call<?> call -> throw new AssertionError(call); // cast takes a Cast only
            }
            return Result.noreply(state);
        }
        // end::one-off-store[]

        @Override
        public Result<State> handleCall(Request request, From caller, State state) {
            return switch (request) {
                // tag::one-off-get[]
                case Get(String key) -> {
                    Loaded pending = state.pending(key); // a list still being written
                    ListStore store = state.store();
                    GenServer.spawn(() -> GenServer.reply(caller,
                            pending != null ? pending : Loaded.from(store, key)));
                    yield Result.noreply(state);
                }
                // end::one-off-get[]
                case SafetyCall<?>(OneOffSafety.Ask<?> ask) ->
                    OneOffSafety.call(ask, caller, state);
                case Cast cast -> throw new AssertionError(cast); // call takes a Call only
            };
        }

        @Override
        public void terminate(Object reason, State state) {
            OneOffSafety.terminate(state);
        }
    }
}
