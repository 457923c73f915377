package todo.pooling;

import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.nio.file.Path;
import java.time.Duration;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.FileStorage;
import todo.persistence.FolderOwner;
import todo.persistence.ListNames;
import todo.persistence.ListStore;
import todo.persistence.Loaded;
import todo.persistence.PendingWrites;
import todo.persistence.Storage;
import todo.persistence.StorageException;
import todo.persistence.TodoDatabase;
import todo.persistence.WriteStatus;

/**
 * Design 3, "handling requests concurrently", the seed's snippet: every request still goes
 * through one database process, but it only spawns a one-off worker and takes the next message.
 * {@code get} returns {@code {:noreply, state}}; the worker answers the caller through {@link
 * GenServer#reply}. Concurrency is unbounded, and two writes of one list run in two processes
 * that nothing orders: the older can land last.
 *
 * <p>A worker whose write fails tells the database, which keeps the list (unless a newer store of
 * it came meanwhile) and writes it again later; a fault ends at most that one-off worker. A get
 * answers the latest stored list while its write is still running, from the database's state.
 */
public final class OneOffWorkerDatabase implements Database {

    /** The database's protocol. */
    public sealed interface Request
            permits Store, Get, Retry, Status, Self, Outcome, Drain {}

    /** A cast: write the list, in a new one-off worker. */
    public record Store(String key, TodoList list) implements Request, Cast {}

    /** A call: read the list, in a new one-off worker that answers with a {@link Loaded}. */
    public record Get(String key) implements Request, Call<Loaded> {}

    /** A cast: write again the lists whose write failed. */
    public record Retry() implements Request, Cast {}

    /** A call, answered with the {@link WriteStatus}. */
    public record Status() implements Request, Call<WriteStatus> {}

    /** A cast from {@link #start}: the database's own pid, where its workers report (OTP's {@code self()}). */
    public record Self(Pid<Request> pid) implements Request, Cast {}

    /** A call, as the database stops: answered ("drained") once no one-off write runs. */
    public record Drain() implements Request, Call<String> {}

    /** What a worker reports, a cast: {@link Written} or {@link WriteFailed}. */
    public sealed interface Outcome extends Request, Cast permits Written, WriteFailed {}

    /** A cast from a worker: the write of store number {@code generation} of {@code key} worked. */
    public record Written(String key, long generation) implements Outcome {}

    /** A cast from a worker: that write failed, for {@code cause}. */
    public record WriteFailed(String key, TodoList list, long generation, String cause)
            implements
                Outcome {}

    private final Pid<Request> pid;

    private final FolderOwner.Lease<Pid<Request>> lease;

    private OneOffWorkerDatabase(Pid<Request> pid, FolderOwner.Lease<Pid<Request>> lease) {
        this.pid = pid;
        this.lease = lease;
    }

    // ---- interface functions: run in the caller ----

    /**
     * The database of {@code files}' folder: the running one, or a new one writing through {@code
     * wrap} around the files, with their cap.
     */
    @SuppressWarnings("unchecked")
    public static OneOffWorkerDatabase start(FileStorage files,
            java.util.function.UnaryOperator<Storage> wrap) {
        FolderOwner.Lease<Pid<Request>> lease = FolderOwner.acquire(files, DESIGN, () -> {
            Pid<Request> started = GenServer.start(new Server(wrap.apply(files)));
            GenServer.cast(started, new Self(started));
            return new FolderOwner.Served(started, () -> GenServer.isAlive(started),
                    () -> drainAndStop(started));
        });
        return new OneOffWorkerDatabase(lease.handle(), lease);
    }

    /** How {@link FolderOwner} names this design to another one that finds the folder taken. */
    public static final String DESIGN = "OneOffWorkerDatabase (design 3)";

    /** This user is done with it: the last user's close stops it. Twice counts once. */
    @Override
    public void close() {
        if (lease != null) {
            lease.release();
        } else if (GenServer.isAlive(pid)) {
            drainAndStop(pid);
        }
    }

    /**
     * Stops the database once every one-off write it started has reported: a worker still writing
     * when the database ended would report to no one, and a failure or an overtaken write would be
     * lost without a word.
     */
    private static void drainAndStop(Pid<Request> database) {
        try {
            GenServer.call(database, new Drain(), TodoDatabase.FOREVER);
        } catch (genserver.ProcessExitException alreadyStopped) {
            return;
        }
        FolderOwner.stopIfAlive(database);
    }

    /** A database over any storage, not registered. */
    public static OneOffWorkerDatabase start(Storage storage) {
        return started(GenServer.start(new Server(storage)));
    }

    private static OneOffWorkerDatabase started(Pid<Request> pid) {
        GenServer.cast(pid, new Self(pid));
        return new OneOffWorkerDatabase(pid, null);
    }

    @Override
    public void store(String key, TodoList list) {
        ListStore.requireList(key, list);
        TodoDatabase.requireAlive(pid, key);
        GenServer.cast(pid, new Store(key, list));
    }

    /** {@link #get} without the 5 s limit, for a to-do server whose load timed out. */
    @Override
    public TodoList load(String key) {
        return get(key, TodoDatabase.FOREVER);
    }

    @Override
    public TodoList get(String key) {
        return get(key, GenServer.DEFAULT_TIMEOUT);
    }

    private TodoList get(String key, Duration timeout) {
        Loaded loaded = GenServer.call(pid, new Get(ListNames.requireValid(key)), timeout);
        return loaded.orThrow();
    }

    /** Named after this database's process, which this design's users share: one server per list. */
    @Override
    public String serverName(String key) {
        return Database.serverName(key, pid);
    }

    @Override
    public void retry() {
        GenServer.cast(pid, new Retry());
    }

    @Override
    public WriteStatus writeStatus() {
        return GenServer.call(pid, new Status());
    }

    public Pid<Request> pid() {
        return pid;
    }

    // ---- callbacks: run in the database process ----

    /**
     * The database's state: its writes, each list's stores and the writes of them still running
     * ({@link ListWrites}: a failure reported late never brings back an older list, a get answers
     * what was stored, and a write overtaken by an older one is written again), and its own pid.
     */
    record State(PendingWrites writes, ListWrites lists, Pid<Request> self, From drain) {
        State drained() {
            if (drain != null && lists.idle()) {
                GenServer.reply(drain, "drained");
                return new State(writes, lists, self, null);
            }
            return this;
        }
    }

    static final class Server implements GenServer<State, Request> {
        private final Storage storage;

        Server(Storage storage) {
            this.storage = storage;
        }

        @Override
        public Result<State> init() {
            var store = new ListStore(storage);
            store.recover();
            return Result.ok(new State(new PendingWrites(store), new ListWrites(), null, null));
        }

        @Override
        public Result<State> handleCast(Request request, State state) {
            PendingWrites writes = state.writes();
            switch (request) {
                case Self(Pid<Request> self) -> {
                    return Result.noreply(new State(writes, state.lists(), self, state.drain()));
                }
                case Store(String key, TodoList list) -> {
                    writes.superseded(key);
                    spawnWrite(state, key, list);
                }
                case Retry() ->
                    writes.unsaved().forEach((key, list) -> spawnWrite(state, key, list));
                case Written(String key, long generation) -> {
                    if (state.lists().isLatest(key, generation)) {
                        writes.written(key);
                    }
                    writeAgainIfOvertaken(state, key);
                }
                case WriteFailed(String key, TodoList list, long generation, String cause) -> {
                    boolean latest = state.lists().isLatest(key, generation);
                    writes.failed(key, latest ? list : null, cause); // kept, unless it was a bug
                    writeAgainIfOvertaken(state, key);
                }
                case Call<?> call -> throw new AssertionError(call); // cast takes a Cast only
            }
            return Result.noreply(state.drained());
        }

        /** The last of writes of one list that ran at once has reported: see {@link ListWrites}. */
        private static void writeAgainIfOvertaken(State state, String key) {
            TodoList again = state.lists().finished(key);
            if (again != null && !state.writes().unsaved().containsKey(key)) {
                spawnWrite(state, key, again);
            }
        }

        // tag::one-off-store[]
        /** A one-off worker writes; it reports back, so that a failed write is kept. */
        private static void spawnWrite(State state, String key, TodoList list) {
            long generation = state.lists().accept(key, list);
            state.lists().started(key, generation);
            ListStore store = state.writes().store();
            Pid<Request> database = state.self();
            GenServer.spawn(() -> {
                Outcome outcome;
                try {
                    store.save(key, list);
                    outcome = new Written(key, generation);
                } catch (StorageException e) {
                    outcome = new WriteFailed(key, list, generation, e.getMessage());
                } catch (RuntimeException e) { // a bug: reported, not kept, as PendingWrites does
                    outcome = new WriteFailed(key, null, generation,
                            "the write of the to-do list '" + key + "' failed: " + e);
                }
                if (database != null) {
                    GenServer.cast(database, outcome);
                }
            });
        }
        // end::one-off-store[]

        @Override
        public Result<State> handleCall(Request request, From caller, State state) {
            return switch (request) {
                // tag::one-off-get[]
                case Get(String key) -> {
                    TodoList latest = state.lists().pending(key) != null
                            ? state.lists().pending(key)
                            : state.writes().unsaved().get(key);
                    Loaded pending = latest != null ? new Loaded.Found(latest) : null;
                    ListStore store = state.writes().store();
                    GenServer.spawn(() -> GenServer.reply(caller,
                            pending != null ? pending : Loaded.from(store, key)));
                    yield Result.noreply(state);
                }
                // end::one-off-get[]
                case Status() -> Result.reply(state.writes().status(), state);
                case Cast cast -> throw new AssertionError(cast); // call takes a Call only
                case Drain() -> Result.noreply(
                        new State(state.writes(), state.lists(), state.self(), caller).drained());
            };
        }

        @Override
        public void terminate(Object reason, State state) {
            if (state != null) {
                state.writes().close();
            }
        }
    }
}
