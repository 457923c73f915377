package todo.pooling;

import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.FileStorage;
import todo.persistence.Storage;

/**
 * Design 4, the book's exercise 7.3.5 and its solution: a fixed pool of {@link DatabaseWorker}s,
 * and a key always goes to the same worker. The database process only answers "which worker
 * serves this key?" (the book's {@code choose_worker}); the caller then talks to that worker
 * directly. So at most {@code workers} writes run at once, and two writes of the same list queue
 * in one worker's mailbox, in order: they can never overtake each other.
 */
public final class PooledDatabase implements Database {
    /** The book's pool size. */
    public static final int DEFAULT_WORKERS = 3;

    /** The database's protocol. */
    public sealed interface Request permits ChooseWorker, Workers {}

    /** A call: the worker that serves {@code key}. */
    public record ChooseWorker(String key) implements Request {}

    /** A call: all the workers, for whoever watches their mailboxes. */
    public record Workers() implements Request {}

    private final Pid<Request> pid;

    private PooledDatabase(Pid<Request> pid) {
        this.pid = pid;
    }

    // ---- interface functions: run in the caller ----

    /** {@code Todo.Database.start()} of 7.3.5: three workers over the files in {@code folder}. */
    public static PooledDatabase start(Path folder) {
        return start(folder, DEFAULT_WORKERS);
    }

    public static PooledDatabase start(Path folder, int workers) {
        return start(new FileStorage(folder), workers);
    }

    /** Workers over any storage; the storage must bear being used by several workers at once. */
    public static PooledDatabase start(Storage storage, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, not " + workers);
        }
        return new PooledDatabase(GenServer.start(new Server(storage, workers)));
    }

    /** {@code Todo.Database.choose_worker/1}. */
    public Pid<DatabaseWorker.Request> chooseWorker(String key) {
        return GenServer.call(pid, new ChooseWorker(key));
    }

    /** The pool's workers, in the order {@code chooseWorker}'s index picks them. */
    public List<Pid<DatabaseWorker.Request>> workers() {
        return GenServer.call(pid, new Workers());
    }

    @Override
    public void store(String key, TodoList list) {
        DatabaseWorker.store(chooseWorker(key), key, list);
    }

    @Override
    public TodoList get(String key) {
        return DatabaseWorker.get(chooseWorker(key), key);
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

    /** Its state is the list of workers, which never changes. */
    static final class Server implements GenServer<List<Pid<DatabaseWorker.Request>>, Request> {
        private final Storage storage;
        private final int workers;

        Server(Storage storage, int workers) {
            this.storage = storage;
            this.workers = workers;
        }

        @Override
        public Result<List<Pid<DatabaseWorker.Request>>> init() {
            return Result.ok(IntStream.range(0, workers)
                    .mapToObj(i -> DatabaseWorker.start(storage)).toList());
        }

        @Override
        public Result<List<Pid<DatabaseWorker.Request>>> handleCall(Request request, From from,
                List<Pid<DatabaseWorker.Request>> pool) {
            return switch (request) {
                case ChooseWorker(String key) ->
                    Result.reply(pool.get(workerIndex(key, pool.size())), pool);
                case Workers() -> Result.reply(pool, pool);
            };
        }

        @Override
        public void terminate(Object reason, List<Pid<DatabaseWorker.Request>> pool) {
            if (pool != null) {
                pool.forEach(GenServer::stop);
            }
        }
    }
}
