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
import todo.persistence.safety.FolderOwner;
import todo.persistence.safety.ListNames;
import todo.persistence.safety.Loaded;
import todo.persistence.safety.PendingWrites;
import todo.persistence.safety.WriteStatus;

/**
 * The book's {@code Todo.Database} (7.3.2): one process that does every read and write. {@code
 * store} is a cast, {@code get} a call, so every request of every list waits its turn in this one
 * mailbox: the bottleneck that section 7.3.3 analyses.
 *
 * <p>The safety layer ({@code todo.persistence.safety}) stands beside it: {@link FolderOwner}
 * gives a folder one database, as the book's registered name does; {@link PendingWrites} is the
 * process's state, which writes a list and keeps it to write again if the disk fails; {@link
 * Loaded} carries a bad file's error to the caller. A request's fault fails that request only.
 */
public final class TodoDatabase implements Database {

    /** The database's protocol: the book's two requests, and the safety layer's two. */
    public sealed interface Request permits Store, Get, Retry, Status {}

    /** A cast: write the list. */
    public record Store(String key, TodoList list) implements Request, Cast {}

    /** A call: read the list; the answer is a {@link Loaded}. */
    public record Get(String key) implements Request, Call<Loaded> {}

    /** A cast: write again every list whose write failed. */
    public record Retry() implements Request, Cast {}

    /** A call: the {@link WriteStatus}. */
    public record Status() implements Request, Call<WriteStatus> {}

    /** How {@link FolderOwner} names this design to another one that finds the folder taken. */
    public static final String DESIGN = "TodoDatabase (one database process)";

    private final Pid<Request> pid;
    private final FolderOwner.Lease<Pid<Request>> lease; // null: not registered for a folder

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
     * files (to meter or slow the writes).
     *
     * @throws IllegalStateException if another design serves the folder
     */
    public static TodoDatabase start(FileStorage files, UnaryOperator<Storage> wrap) {
        FolderOwner.Lease<Pid<Request>> lease = FolderOwner.acquire(files, DESIGN,
                () -> FolderOwner.process(GenServer.start(new Server(wrap.apply(files)))));
        return new TodoDatabase(lease.handle(), lease);
    }

    /** A database process over any storage, not registered (tests slow it down or break it). */
    public static TodoDatabase start(Storage storage) {
        return new TodoDatabase(GenServer.start(new Server(storage)), null);
    }

    // tag::interface[]
    @Override
    public void store(String key, TodoList list) {
        ListStore.requireList(key, list);
        FolderOwner.requireAlive(pid, key);
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

    /** {@link #get} without the 5 s limit: every read ends by itself (the storage bounds it). */
    @Override
    public TodoList load(String key) {
        return get(key, GenServer.INFINITY);
    }

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
     * The last user's close stops the database, once every store it accepted is on disk or logged
     * as lost (however long its backlog takes). Closing twice counts once.
     */
    @Override
    public void close() {
        FolderOwner.close(lease, pid);
    }

    /** The database process, for {@link GenServer#messageQueueLength} and {@link GenServer#stop}. */
    public Pid<Request> pid() {
        return pid;
    }

    // ---- callbacks: run in the database process ----

    /** The process; its state is its writes, through the storage it alone uses. */
    static final class Server implements GenServer<PendingWrites, Request> {
        private final Storage storage;

        Server(Storage storage) {
            this.storage = storage;
        }

        @Override
        public Result<PendingWrites> init() {
            return Result.ok(PendingWrites.recovered(new ListStore(storage)));
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
