package todo.pooling;

import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.FileStorage;
import todo.persistence.FolderOwner;
import todo.persistence.StorageException;
import todo.persistence.ListNames;
import todo.persistence.ListStore;
import todo.persistence.Misdirected;
import todo.persistence.Storage;
import todo.persistence.WriteStatus;

/**
 * Design 5, a checkout pool in the style of poolboy (which the seed links): a fixed number of
 * {@link DatabaseWorker}s in an Apache Commons Pool2 pool. Each request borrows any free worker,
 * uses it, and returns it ({@code :poolboy.transaction}). At most {@code size} writes run at once,
 * but a worker is not tied to a key: the store is a cast, so two writes of the same list can
 * borrow two workers, and the older can land last.
 *
 * <p>For the same reason a worker cannot keep a list whose write failed to write it again later:
 * another worker may have written a newer one meanwhile. So one small process, the pool's {@link
 * Ledger}, numbers each list's stores (as design 3's database does) and starts each write; the
 * write's outcome comes back to it, and it keeps the list of the latest store whose write failed
 * as unsaved: a failure reported late never brings back an older list. A {@code get} answers an
 * unsaved list from memory, and {@link #retry()} writes the unsaved ones again through the pool.
 * The worker logs the failure (with the path and the cause); the ledger counts it. A worker that
 * died all the same (a bug) fails the pool's check on borrow and on return, and the pool starts a
 * new one.
 */
public final class CheckoutPoolDatabase implements Database, AutoCloseable {
    private final GenericObjectPool<Pid<DatabaseWorker.Request>> pool;
    private final Pid<Ledger.Request> ledger;
    /** This start's share of its folder; null for a pool over any storage. */
    private final FolderOwner.Lease<CheckoutPoolDatabase> lease;

    private CheckoutPoolDatabase(GenericObjectPool<Pid<DatabaseWorker.Request>> pool,
            Pid<Ledger.Request> ledger, FolderOwner.Lease<CheckoutPoolDatabase> lease) {
        this.pool = pool;
        this.ledger = ledger;
        this.lease = lease;
    }

    /**
     * The pool of {@code files}' folder: the running one, or a new one whose workers write through
     * {@code wrap} around the files, with their cap. A small process registered under the folder's real path owns the
     * pool, as the book's registered database owns its folder; stopping it closes the pool.
     */
    @SuppressWarnings("unchecked")
    public static CheckoutPoolDatabase start(FileStorage files, int size,
            UnaryOperator<Storage> wrap) {
        FolderOwner.Lease<CheckoutPoolDatabase> lease = FolderOwner.acquire(files, DESIGN, () -> {
            CheckoutPoolDatabase started = start(wrap.apply(files), size);
            return new FolderOwner.Served(started, () -> !started.pool.isClosed(),
                    started::stop);
        });
        return new CheckoutPoolDatabase(lease.handle().pool, lease.handle().ledger, lease);
    }

    /** How {@link FolderOwner} names this design to another one that finds the folder taken. */
    public static final String DESIGN = "CheckoutPoolDatabase (design 5)";

    /** A pool of {@code size} workers over {@code storage}; all started now. */
    public static CheckoutPoolDatabase start(Storage storage, int size) {
        storage.recover();
        var config = new GenericObjectPoolConfig<Pid<DatabaseWorker.Request>>();
        config.setMaxTotal(size);
        config.setMaxIdle(size);
        config.setMinIdle(size);
        config.setBlockWhenExhausted(true); // a borrower waits for a worker, as in poolboy
        config.setJmxEnabled(false);
        config.setTestOnBorrow(true); // a dead worker is destroyed and replaced, never lent
        config.setTestOnReturn(true);
        var pool = new GenericObjectPool<>(new Workers(storage), config);
        try {
            pool.preparePool();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the pool's workers", e);
        }
        Pid<Ledger.Request> ledger = GenServer.start(new Ledger((key, list) -> transaction(pool,
                worker -> DatabaseWorker.storeAndWait(worker, key, list).onDisk())));
        GenServer.cast(ledger, new Ledger.Self(ledger));
        return new CheckoutPoolDatabase(pool, ledger, null);
    }

    /** The ledger first (its last try writes through the pool), then the workers. */
    private void stop() {
        FolderOwner.stopIfAlive(ledger);
        pool.close();
    }

    /**
     * A cast, as the book's store is: the ledger numbers the store and starts a one-off process,
     * which borrows a worker, waits for the write, reports it and returns the worker. The to-do
     * server goes on at once.
     */
    @Override
    public void store(String key, TodoList list) {
        ListStore.requireList(key, list);
        if (pool.isClosed() || !GenServer.isAlive(ledger)) { // the write would be lost, unheard
            throw new StorageException("the to-do list '" + key + "' is not stored: its pool of "
                    + "workers is closed, or its ledger " + ledger + " has stopped", null);
        }
        GenServer.cast(ledger, new Ledger.Store(key, list));
    }

    /** The unsaved list from the ledger's memory, else what a worker reads. */
    @Override
    public TodoList get(String key) {
        ListNames.requireValid(key);
        Ledger.Kept kept = GenServer.call(ledger, new Ledger.Unsaved(key));
        return kept.list() != null
                ? kept.list()
                : transaction(pool, worker -> DatabaseWorker.get(worker, key));
    }

    @Override
    public void retry() {
        GenServer.cast(ledger, new Ledger.Retry());
    }

    /** The ledger's figures: the unsaved lists, and the failed writes reported to it. */
    @Override
    public WriteStatus writeStatus() {
        return GenServer.call(ledger, new Ledger.Status());
    }

    /**
     * This user is done with the pool: the last user's close stops the workers, as {@code
     * :poolboy.stop} would ({@link FolderOwner}). Twice counts once.
     */
    @Override
    public void close() {
        if (lease == null) {
            pool.close();
        } else {
            lease.release();
        }
    }

    /** The process that owns this folder's pool; null for a pool over any storage. */
    public Pid<?> owner() {
        return lease == null ? null : lease.owner();
    }

    /** Requests waiting for a worker: this design's queue, where the others have a mailbox. */
    public int waiting() {
        return pool.getNumWaiters();
    }

    /** {@code :poolboy.transaction(pool, fun)}: borrow, use, return, even when {@code work} throws. */
    private static <T> T transaction(GenericObjectPool<Pid<DatabaseWorker.Request>> pool,
            Function<Pid<DatabaseWorker.Request>, T> work) {
        Pid<DatabaseWorker.Request> worker;
        try {
            worker = pool.borrowObject();
        } catch (Exception e) {
            throw new IllegalStateException("no database worker to borrow", e);
        }
        try {
            return work.apply(worker);
        } finally {
            pool.returnObject(worker);
        }
    }

    /**
     * The pool's one bookkeeping process: it numbers each list's stores, starts each write in a
     * one-off process (which borrows any worker, so two writes of one list may still overtake each
     * other), and keeps the list of the latest store whose write failed, until a later write of it
     * works. Its state is its own: no other process touches it.
     */
    static final class Ledger implements GenServer<Ledger.State, Ledger.Request> {

        /** The ledger's protocol. */
        sealed interface Request permits Self, Store, Outcome, Retry, Unsaved, Status {}

        /** A cast from {@link CheckoutPoolDatabase#start}: the ledger's own pid (OTP's {@code self()}). */
        record Self(Pid<Request> pid) implements Request {}

        /** A cast: number this store of the list and write it through the pool. */
        record Store(String key, TodoList list) implements Request {}

        /** A cast from a one-off writer: whether store number {@code generation} is on disk. */
        record Outcome(String key, TodoList list, long generation, boolean onDisk)
                implements
                    Request {}

        /** A cast: write the unsaved lists again. */
        record Retry() implements Request {}

        /** A call: the unsaved list under {@code key}, if there is one ({@link Kept}). */
        record Unsaved(String key) implements Request {}

        /** A call: the {@link WriteStatus}. */
        record Status() implements Request {}

        /** The answer to {@link Unsaved}: the list, or null if it is not unsaved. */
        record Kept(TodoList list) {}

        /** The latest store's number per list, the unsaved lists, the failures, its own pid. */
        record State(Map<String, Long> generations, Map<String, TodoList> unsaved,
                long failedWrites, Pid<Request> self) {}

        private static final System.Logger LOG = System.getLogger(Ledger.class.getName());

        /** Writes one list through the pool; returns whether it is on disk. */
        private final BiPredicate<String, TodoList> write;

        Ledger(BiPredicate<String, TodoList> write) {
            this.write = write;
        }

        @Override
        public Result<State> init() {
            return Result.ok(new State(new HashMap<>(), new LinkedHashMap<>(), 0, null));
        }

        @Override
        public Result<State> handleCast(Request request, State state) {
            switch (request) {
                case Self(Pid<Request> self) -> {
                    return Result.noreply(new State(state.generations(), state.unsaved(),
                            state.failedWrites(), self));
                }
                case Store(String key, TodoList list) -> spawnWrite(state, key, list);
                case Retry() -> List.copyOf(state.unsaved().entrySet())
                        .forEach(e -> spawnWrite(state, e.getKey(), e.getValue()));
                case Outcome(String key, TodoList list, long generation, boolean onDisk) -> {
                    boolean latest = generation == state.generations().get(key);
                    if (latest && onDisk) {
                        state.unsaved().remove(key);
                    } else if (latest) {
                        state.unsaved().put(key, list);
                    }
                    if (!onDisk) {
                        return Result.noreply(new State(state.generations(), state.unsaved(),
                                state.failedWrites() + 1, state.self()));
                    }
                }
                case Unsaved unsaved -> Misdirected.cast(unsaved);
                case Status status -> Misdirected.cast(status);
            }
            return Result.noreply(state);
        }

        /** A one-off process writes through the pool and reports the outcome. */
        private void spawnWrite(State state, String key, TodoList list) {
            long generation = state.generations().merge(key, 1L, Long::sum);
            Pid<Request> ledger = state.self();
            GenServer.spawn(() -> {
                boolean onDisk;
                try {
                    onDisk = write.test(key, list);
                } catch (RuntimeException e) { // no worker (the pool closed) or one died: a bug
                    LOG.log(System.Logger.Level.WARNING, "the write of the to-do list '" + key
                            + "' did not reach a worker: " + e);
                    onDisk = false;
                }
                GenServer.cast(ledger, new Outcome(key, list, generation, onDisk));
            });
        }

        @Override
        public Result<State> handleCall(Request request, From from, State state) {
            return switch (request) {
                case Unsaved(String key) -> Result.reply(new Kept(state.unsaved().get(key)), state);
                case Status() -> Result.reply(new WriteStatus(
                        List.copyOf(state.unsaved().keySet()), state.failedWrites()), state);
                case Self self -> Result.reply(Misdirected.call(self), state);
                case Store store -> Result.reply(Misdirected.call(store), state);
                case Outcome outcome -> Result.reply(Misdirected.call(outcome), state);
                case Retry retry -> Result.reply(Misdirected.call(retry), state);
            };
        }

        /** As the pool stops: one last try through it, and a log line for each list still lost. */
        @Override
        public void terminate(Object reason, State state) {
            if (state == null) {
                return;
            }
            state.unsaved().forEach((key, list) -> {
                boolean onDisk;
                try {
                    onDisk = write.test(key, list);
                } catch (RuntimeException e) {
                    onDisk = false;
                }
                if (!onDisk) {
                    LOG.log(System.Logger.Level.ERROR, "the to-do list '" + key
                            + "' was never written and is lost with the pool");
                }
            });
        }
    }

    /** Starts and stops the pooled worker processes. */
    private static final class Workers
            extends
                BasePooledObjectFactory<Pid<DatabaseWorker.Request>> {
        private final Storage storage;

        Workers(Storage storage) {
            this.storage = storage;
        }

        @Override
        public Pid<DatabaseWorker.Request> create() {
            return DatabaseWorker.start(storage, false);
        }

        @Override
        public boolean validateObject(PooledObject<Pid<DatabaseWorker.Request>> pooled) {
            return GenServer.isAlive(pooled.getObject());
        }

        @Override
        public PooledObject<Pid<DatabaseWorker.Request>> wrap(Pid<DatabaseWorker.Request> worker) {
            return new DefaultPooledObject<>(worker);
        }

        @Override
        public void destroyObject(PooledObject<Pid<DatabaseWorker.Request>> pooled) {
            if (GenServer.isAlive(pooled.getObject())) {
                GenServer.stop(pooled.getObject());
            }
        }
    }
}
