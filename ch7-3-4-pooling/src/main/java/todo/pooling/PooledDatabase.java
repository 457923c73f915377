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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import todo.TodoList;
import todo.persistence.FileStorage;
import todo.persistence.ListStore;
import todo.persistence.Storage;
import todo.persistence.TodoDatabase;
import todo.persistence.safety.FolderOwner;
import todo.persistence.safety.ListNames;
import todo.persistence.safety.WriteStatus;
import todo.pooling.safety.SharedDatabase;
import todo.pooling.safety.WorkerSafety;

/**
 * Design 4, the book's exercise 7.3.5 and its solution: a fixed pool of {@link DatabaseWorker}s,
 * and a key always goes to the same worker. The database process only answers "which worker
 * serves this key?" ({@code choose_worker}); the caller then talks to that worker directly. So at
 * most {@code workers} writes run at once, and two writes of one list queue in one worker's
 * mailbox, in order. The hardening is one call each into {@link FolderOwner} (one pool per
 * folder) and {@link WorkerSafety} (a dead worker replaced, retry and status across the workers).
 */
public final class PooledDatabase extends SharedDatabase<PooledDatabase.Request> {
    /** The book's pool size. */
    public static final int DEFAULT_WORKERS = 3;

    /** How {@link FolderOwner} names this design to another one that finds the folder taken. */
    public static final String DESIGN = "PooledDatabase (design 4)";

    /** The database's protocol: calls only. */
    public sealed interface Request permits ChooseWorker, Workers {}

    /** The worker that serves {@code key}. */
    public record ChooseWorker(String key) implements Request, Call<Pid<DatabaseWorker.Request>> {}

    /** All the workers, in the order {@code chooseWorker}'s index picks them. */
    public record Workers() implements Request, Call<List<Pid<DatabaseWorker.Request>>> {}

    private PooledDatabase(Pid<Request> pid, FolderOwner.Lease<Pid<Request>> lease) {
        super(pid, lease, FolderOwner::stopIfAlive);
    }

    // ---- interface functions: run in the caller ----

    /** {@code Todo.Database.start()} of 7.3.5: three workers over the files in {@code folder}. */
    public static PooledDatabase start(Path folder) {
        return start(folder, DEFAULT_WORKERS);
    }

    public static PooledDatabase start(Path folder, int workers) {
        return start(new FileStorage(folder), workers, UnaryOperator.identity());
    }

    /** The pool of {@code files}' folder: the running one, or a new one writing through {@code wrap}. */
    public static PooledDatabase start(FileStorage files, int workers,
            UnaryOperator<Storage> wrap) {
        WorkerSafety.requirePositive(workers);
        FolderOwner.Lease<Pid<Request>> lease = FolderOwner.acquire(files, DESIGN,
                () -> FolderOwner.process(GenServer.start(new Server(wrap.apply(files), workers))));
        return new PooledDatabase(lease.handle(), lease);
    }

    /** Workers over any storage that bears several at once; not registered. */
    public static PooledDatabase start(Storage storage, int workers) {
        WorkerSafety.requirePositive(workers);
        return new PooledDatabase(GenServer.start(new Server(storage, workers)), null);
    }

    // tag::pool[]
    /** {@code Todo.Database.choose_worker/1}. */
    public Pid<DatabaseWorker.Request> chooseWorker(String key) {
        return GenServer.call(pid(), new ChooseWorker(ListNames.requireValid(key)));
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

    /** The book's {@code :erlang.phash2(key, 3)}; {@code floorMod}, as a hash can be negative. */
    static int workerIndex(String key, int workers) {
        return Math.floorMod(key.hashCode(), workers);
    }

    // ---- the safety layer's places: a load without the 5 s limit, retry, status ----

    /** The workers, in the order {@code chooseWorker}'s index picks them. */
    public List<Pid<DatabaseWorker.Request>> workers() {
        return GenServer.call(pid(), new Workers());
    }

    @Override
    public TodoList load(String key) {
        return WorkerSafety.get(chooseWorker(ListNames.requireValid(key)), key,
                GenServer.INFINITY);
    }

    @Override
    public void retry() {
        WorkerSafety.retry(workers());
    }

    @Override
    public WriteStatus writeStatus() {
        return WorkerSafety.status(workers());
    }

    // ---- callbacks: run in the database process ----

    /** Its state is the list of workers; only a dead worker's place changes, to its successor. */
    record Server(Storage storage, int workers)
            implements
                GenServer<List<Pid<DatabaseWorker.Request>>, Request> {

        @Override
        public Result<List<Pid<DatabaseWorker.Request>>> init() {
            storage.recover();
            return Result.ok(Stream.generate(this::startWorker).limit(workers)
                    .collect(Collectors.toCollection(ArrayList::new)));
        }

        /** {@code Todo.DatabaseWorker.start(@db_folder)}. */
        private Pid<DatabaseWorker.Request> startWorker() {
            return DatabaseWorker.start(storage);
        }

        @Override
        public Result<List<Pid<DatabaseWorker.Request>>> handleCall(Request request, From from,
                List<Pid<DatabaseWorker.Request>> pool) {
            return switch (request) {
                case ChooseWorker(String key) -> Result.reply(
                        WorkerSafety.live(pool, workerIndex(key, pool.size()), this::startWorker),
                        pool);
                case Workers() -> Result.reply(WorkerSafety.live(pool, this::startWorker), pool);
            };
        }

        @Override
        public void terminate(Object reason, List<Pid<DatabaseWorker.Request>> pool) {
            WorkerSafety.stopAll(pool);
        }
    }
}
