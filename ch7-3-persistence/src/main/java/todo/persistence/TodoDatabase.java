package todo.persistence;

import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import todo.TodoList;

/**
 * The book's {@code Todo.Database} (7.3.2): one process that does every read and write. {@code
 * store} is a cast, {@code get} a call, so every request of every list waits its turn in this one
 * mailbox: the bottleneck that section 7.3.3 analyses.
 *
 * <p>As the book registers {@code Todo.Database} under one name, a folder has one database: the
 * process is registered under the folder's real path, and starting a database on a folder that
 * has one returns the running one (OTP's {@code {:error, {:already_started, pid}}}).
 *
 * <p>The interface functions come first and run in the caller; the callbacks, in {@link Server},
 * run in the database process, the only one that touches the {@link Storage}. A request's fault
 * (a bad file, a failing disk) fails that request only: the process goes on for every other list.
 */
public final class TodoDatabase implements Database {

    /** The database's protocol. */
    public sealed interface Request permits Store, Get, Retry, Status {}

    /** A cast: write the list. */
    public record Store(String key, TodoList list) implements Request, Cast {}

    /** A call, answered with the list read, as a {@link Loaded}. */
    public record Get(String key) implements Request, Call<Loaded> {}

    /** A cast: write again every list whose write failed. */
    public record Retry() implements Request, Cast {}

    /** A call, answered with the {@link WriteStatus}. */
    public record Status() implements Request, Call<WriteStatus> {}

    /** OTP's {@code :infinity}: {@link GenServer#call} waits as long as it takes. */
    public static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final Pid<Request> pid;
    /** This start's share of its folder; null for a database over any storage. */
    private final FolderOwner.Lease<Pid<Request>> lease;

    private TodoDatabase(Pid<Request> pid, FolderOwner.Lease<Pid<Request>> lease) {
        this.pid = pid;
        this.lease = lease;
    }

    // ---- interface functions: run in the caller ----

    /** {@code Todo.Database.start()}: files in {@code ./persist}, as in the book. */
    public static TodoDatabase start() {
        return start(FileStorage.DEFAULT_FOLDER);
    }

    /** The database of {@code folder}: the running one, or a new one with one file per list. */
    public static TodoDatabase start(Path folder) {
        return start(new FileStorage(folder), UnaryOperator.identity());
    }

    /**
     * The database of {@code files}' folder; a new one writes through {@code wrap} around the
     * files (to meter or slow the writes). A running one is returned as it is, and stops when its
     * last user {@linkplain #close() closes} it ({@link FolderOwner}).
     *
     * @throws IllegalStateException if another design serves the folder
     */
    public static TodoDatabase start(FileStorage files, UnaryOperator<Storage> wrap) {
        FolderOwner.Lease<Pid<Request>> lease = FolderOwner.acquire(files, DESIGN,
                () -> FolderOwner.process(GenServer.start(new Server(wrap.apply(files)))));
        return new TodoDatabase(lease.handle(), lease);
    }

    /** How {@link FolderOwner} names this design to another one that finds the folder taken. */
    public static final String DESIGN = "TodoDatabase (one database process)";

    /**
     * This user is done with the database: the last user's close stops it, and returns once every
     * store it had accepted is on disk or logged as lost (however long its backlog takes). Closing
     * twice counts once.
     */
    @Override
    public void close() {
        FolderOwner.close(lease, pid);
    }

    /** A database process over any storage, not registered (tests slow it down or break it). */
    public static TodoDatabase start(Storage storage) {
        return new TodoDatabase(GenServer.start(new Server(storage)), null);
    }

    // tag::interface[]
    @Override
    public void store(String key, TodoList list) {
        ListStore.requireList(key, list);
        requireAlive(pid, key);
        GenServer.cast(pid, new Store(key, list));
    }

    @Override
    public TodoList get(String key) {
        return get(key, GenServer.DEFAULT_TIMEOUT);
    }

    private TodoList get(String key, Duration timeout) {
        Loaded loaded = GenServer.call(pid, new Get(ListNames.requireValid(key)), timeout);
        return loaded.orThrow();
    }
    // end::interface[]

    /**
     * {@link #get} without the 5 s limit, for a to-do server whose {@code get} timed out: behind a
     * backlog of stores the answer may take longer, and a server that gave up would drop the
     * changes waiting behind its load. Every read of a file ends by itself (the storage bounds
     * it), so this wait does too.
     */
    @Override
    public TodoList load(String key) {
        return get(key, FOREVER);
    }

    /** Named after this database's process: each of its lists has one server, whoever asks. */
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

    /**
     * A store to a database that has stopped (its last user closed it) would be a cast to a dead
     * process, lost without a word: it fails loudly in the caller instead, and a to-do server keeps
     * the list and stores it again with its next change ({@link TodoServer}). Every design whose
     * store is a cast to one process calls this first.
     */
    public static void requireAlive(Pid<?> database, String key) {
        if (!GenServer.isAlive(database)) {
            throw new StorageException("the to-do list '" + key + "' is not stored: its database "
                    + database + " has stopped", null);
        }
    }

    /** The database process, for {@link GenServer#messageQueueLength} and {@link GenServer#stop}. */
    public Pid<Request> pid() {
        return pid;
    }

    // ---- callbacks: run in the database process ----

    /** The database process itself; its state is its writes, through the storage it alone uses. */
    static final class Server implements GenServer<PendingWrites, Request> {
        private final Storage storage;

        Server(Storage storage) {
            this.storage = storage;
        }

        @Override
        public Result<PendingWrites> init() {
            var store = new ListStore(storage);
            store.recover();
            return Result.ok(new PendingWrites(store));
        }

        // tag::callbacks[]
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
                case Get(String key) -> Result.reply(writes.get(key), writes);
                case Status() -> Result.reply(writes.status(), writes);
                case Cast cast -> throw new AssertionError(cast); // call takes a Call only
            };
        }
        // end::callbacks[]

        @Override
        public void terminate(Object reason, PendingWrites writes) {
            if (writes != null) {
                writes.close();
            }
        }
    }
}
