package todo.pooling;

import genserver.Call;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.FileStorage;
import todo.persistence.FolderOwner;
import todo.persistence.ListNames;
import todo.persistence.ListStore;
import todo.persistence.Storage;
import todo.persistence.TodoDatabase;
import todo.persistence.WriteStatus;

/**
 * Design 4, the book's exercise 7.3.5 and its solution: a fixed pool of {@link DatabaseWorker}s,
 * and a key always goes to the same worker. The database process only answers "which worker
 * serves this key?" (the book's {@code choose_worker}); the caller then talks to that worker
 * directly. So at most {@code workers} writes run at once, and two writes of the same list queue
 * in one worker's mailbox, in order: they can never overtake each other.
 *
 * <p>A folder has one pool, registered under its real path, as the book's database is. A worker
 * never dies on a request's fault; if one dies all the same (a bug), the next request for one of
 * its keys finds it dead and the pool starts a new one in its place.
 */
public final class PooledDatabase implements Database {
    /** The book's pool size. */
    public static final int DEFAULT_WORKERS = 3;

    /** The database's protocol. */
    public sealed interface Request permits ChooseWorker, Workers {}

    /** A call, answered with the worker that serves {@code key}. */
    public record ChooseWorker(String key) implements Request, Call<Pid<DatabaseWorker.Request>> {}

    /** A call, answered with all the workers, for whoever watches their mailboxes. */
    public record Workers() implements Request, Call<List<Pid<DatabaseWorker.Request>>> {}

    private final Pid<Request> pid;

    private final FolderOwner.Lease<Pid<Request>> lease;

    private PooledDatabase(Pid<Request> pid, FolderOwner.Lease<Pid<Request>> lease) {
        this.pid = pid;
        this.lease = lease;
    }

    // ---- interface functions: run in the caller ----

    /** {@code Todo.Database.start()} of 7.3.5: three workers over the files in {@code folder}. */
    public static PooledDatabase start(Path folder) {
        return start(folder, DEFAULT_WORKERS);
    }

    public static PooledDatabase start(Path folder, int workers) {
        return start(new FileStorage(folder), workers, UnaryOperator.identity());
    }

    /**
     * The pool of {@code files}' folder: the running one, or a new one whose workers write through
     * {@code wrap} around the files, with their cap.
     */
    @SuppressWarnings("unchecked")
    public static PooledDatabase start(FileStorage files, int workers,
            UnaryOperator<Storage> wrap) {
        requirePositive(workers);
        FolderOwner.Lease<Pid<Request>> lease = FolderOwner.acquire(files, DESIGN,
                () -> FolderOwner.process(GenServer.start(new Server(wrap.apply(files), workers))));
        return new PooledDatabase(lease.handle(), lease);
    }

    /** How {@link FolderOwner} names this design to another one that finds the folder taken. */
    public static final String DESIGN = "PooledDatabase (design 4)";

    /** This user is done with it: the last user's close stops it. Twice counts once. */
    @Override
    public void close() {
        FolderOwner.close(lease, pid);
    }

    /**
     * Workers over any storage, not registered; the storage must bear being used by several
     * workers at once.
     */
    public static PooledDatabase start(Storage storage, int workers) {
        requirePositive(workers);
        return new PooledDatabase(GenServer.start(new Server(storage, workers)), null);
    }

    private static void requirePositive(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, not " + workers);
        }
    }

    // tag::pool[]
    /** {@code Todo.Database.choose_worker/1}. */
    public Pid<DatabaseWorker.Request> chooseWorker(String key) {
        return GenServer.call(pid, new ChooseWorker(ListNames.requireValid(key)));
    }

    /** The pool's workers, in the order {@code chooseWorker}'s index picks them. */
    public List<Pid<DatabaseWorker.Request>> workers() {
        return GenServer.call(pid, new Workers());
    }

    @Override
    public void store(String key, TodoList list) {
        DatabaseWorker.store(chooseWorker(ListStore.requireList(key, list)), key, list);
    }

    @Override
    public TodoList get(String key) {
        return DatabaseWorker.get(chooseWorker(ListNames.requireValid(key)), key);
    }
    // end::pool[]

    /**
     * {@link #get} without the 5 s limit, for a to-do server whose load timed out behind its
     * worker's backlog (a slow or hanging file of another list: each read ends by itself).
     */
    @Override
    public TodoList load(String key) {
        return DatabaseWorker.get(chooseWorker(ListNames.requireValid(key)), key,
                TodoDatabase.FOREVER);
    }

    /** Named after the pool's database process, which this design's users share: one server per list. */
    @Override
    public String serverName(String key) {
        return Database.serverName(key, pid);
    }

    @Override
    public void retry() {
        workers().forEach(DatabaseWorker::retry);
    }

    @Override
    public WriteStatus writeStatus() {
        return workers().stream().map(DatabaseWorker::status).reduce(WriteStatus.NONE,
                WriteStatus::plus);
    }

    public Pid<Request> pid() {
        return pid;
    }

    /**
     * The book's {@code :erlang.phash2(key, 3)}: a hash of the key modulo the worker count.
     * {@code floorMod}, because a Java hash code can be negative and {@code %} would then be too.
     */
    static int workerIndex(String key, int workers) {
        return Math.floorMod(key.hashCode(), workers);
    }

    // ---- callbacks: run in the database process ----

    /** Its state is the list of workers; only a dead worker's place changes, to its successor. */
    static final class Server implements GenServer<List<Pid<DatabaseWorker.Request>>, Request> {
        private final Storage storage;
        private final int workers;

        Server(Storage storage, int workers) {
            this.storage = storage;
            this.workers = workers;
        }

        @Override
        public Result<List<Pid<DatabaseWorker.Request>>> init() {
            storage.recover();
            return Result.ok(IntStream.range(0, workers)
                    .mapToObj(i -> DatabaseWorker.start(storage))
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
        }

        @Override
        public Result<List<Pid<DatabaseWorker.Request>>> handleCall(Request request, From from,
                List<Pid<DatabaseWorker.Request>> pool) {
            return switch (request) {
                case ChooseWorker(String key) ->
                    Result.reply(live(pool, workerIndex(key, pool.size())),
                            pool);
                case Workers() -> Result.reply(
                        IntStream.range(0, pool.size()).mapToObj(i -> live(pool, i)).toList(),
                        pool);
            };
        }

        /** The worker at {@code index}, replaced first if it has died. */
        private Pid<DatabaseWorker.Request> live(List<Pid<DatabaseWorker.Request>> pool,
                int index) {
            if (!GenServer.isAlive(pool.get(index))) {
                pool.set(index, DatabaseWorker.start(storage));
            }
            return pool.get(index);
        }

        @Override
        public void terminate(Object reason, List<Pid<DatabaseWorker.Request>> pool) {
            if (pool != null) {
                pool.stream().filter(GenServer::isAlive).forEach(GenServer::stop);
            }
        }
    }
}
