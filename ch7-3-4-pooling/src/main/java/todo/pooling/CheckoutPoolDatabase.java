package todo.pooling;

import genserver.Call;
import genserver.CallTimeoutException;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.ProcessExitException;
import genserver.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
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
import todo.persistence.ListNames;
import todo.persistence.ListStore;
import todo.persistence.Storage;
import todo.persistence.StorageException;
import todo.persistence.TodoDatabase;
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
 * as unsaved: a failure reported late never brings back an older list. A {@code get} answers a
 * list whose write is queued, running or failed from its memory, and {@link #retry()} writes the
 * unsaved ones again through the pool. It runs as many writes at once as the pool has workers and
 * queues the others, and {@link #close()} waits for them before it closes the pool.
 * The worker logs the failure (with the path and the cause); the ledger counts it. A worker that
 * died all the same (a bug) fails the pool's check on borrow and on return, and the pool starts a
 * new one.
 */
public final class CheckoutPoolDatabase implements Database {
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
                worker -> DatabaseWorker.storeAndWait(worker, key, list).onDisk()), size));
        GenServer.cast(ledger, new Ledger.Self(ledger));
        return new CheckoutPoolDatabase(pool, ledger, null);
    }

    /**
     * Waits until every write the ledger accepted has reported (on disk or failed), up to {@link
     * #DRAIN}; then stops the ledger (its last try writes through the pool, and it logs each list
     * still lost) and only then closes the pool, whose close interrupts any borrower.
     */
    private void stop() {
        try {
            GenServer.call(ledger, new Ledger.Drain(), DRAIN);
        } catch (CallTimeoutException e) {
            LOG.log(System.Logger.Level.ERROR, "the pool's writes did not end within " + DRAIN
                    + "; it stops all the same, and logs each list that may be lost");
        } catch (ProcessExitException stopped) {
            // the ledger has stopped already (stopped twice, or a bug): nothing left to drain
        }
        FolderOwner.stopIfAlive(ledger);
        pool.close();
    }

    /** How long {@link #close()} waits for the writes in flight: long, but not forever. */
    static final Duration DRAIN = Duration.ofSeconds(60);

    private static final System.Logger LOG = System.getLogger(CheckoutPoolDatabase.class.getName());

    /**
     * A cast, as the book's store is: the ledger numbers the store and starts (once fewer than
     * the pool's size run) a one-off process, which borrows a worker, waits for the write, reports
     * it and returns the worker. The to-do
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

    /**
     * The latest stored list from the ledger's memory while its write is queued, running or
     * failed (so that a get reads its own writes, even a new server's after a restart), else what
     * a worker reads.
     */
    @Override
    public TodoList get(String key) {
        return get(key, GenServer.DEFAULT_TIMEOUT);
    }

    /** {@link #get} without the 5 s limit, for a to-do server whose load timed out. */
    @Override
    public TodoList load(String key) {
        return get(key, TodoDatabase.FOREVER);
    }

    private TodoList get(String key, Duration timeout) {
        ListNames.requireValid(key);
        Ledger.Kept kept = GenServer.call(ledger, new Ledger.Unsaved(key));
        return kept.list() != null
                ? kept.list()
                : transaction(pool, worker -> DatabaseWorker.get(worker, key, timeout));
    }

    /** Named after the pool's ledger, which this design's users share: one server per list. */
    @Override
    public String serverName(String key) {
        return Database.serverName(key, ledger);
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
            if (!pool.isClosed()) {
                stop();
            }
        } else {
            lease.release();
        }
    }

    /** The process that owns this folder's pool; null for a pool over any storage. */
    public Pid<?> owner() {
        return lease == null ? null : lease.owner();
    }

    /**
     * Writes waiting in the ledger's queue and requests waiting for a worker: this design's
     * queue, where the others have a mailbox.
     */
    public int waiting() {
        int queued;
        try {
            queued = GenServer.isAlive(ledger) ? GenServer.call(ledger, new Ledger.Queued()) : 0;
        } catch (ProcessExitException stopped) {
            queued = 0;
        }
        return queued + pool.getNumWaiters();
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
     * The pool's one bookkeeping process: it numbers each list's stores and starts their writes,
     * at most {@code maxWrites} at once (the pool's size: more would only wait for a worker, one
     * live process each), in one-off processes that borrow any worker, so two writes of one list
     * may still overtake each other. The others wait in its queue, in order: every store is
     * written, as poolboy's callers each run their own transaction. It keeps the latest list of each
     * store not known to be on disk yet, which {@code get} answers, and the list of the latest
     * store whose write failed, until a later write of it works. Its state is its own: no other
     * process touches it.
     */
    static final class Ledger implements GenServer<Ledger.State, Ledger.Request> {

        /** The ledger's protocol. */
        sealed interface Request
                permits Self, Store, Outcome, Retry, Unsaved, Status, Queued, Drain {}

        /** A cast from {@link CheckoutPoolDatabase#start}: the ledger's own pid (OTP's {@code self()}). */
        record Self(Pid<Request> pid) implements Request, Cast {}

        /** A cast: number this store of the list and write it through the pool. */
        record Store(String key, TodoList list) implements Request, Cast {}

        /** A cast from a one-off writer: whether store number {@code generation} is on disk. */
        record Outcome(String key, TodoList list, long generation, boolean onDisk)
                implements
                    Request,
                    Cast {}

        /** A cast: write the unsaved lists again. */
        record Retry() implements Request, Cast {}

        /**
         * A call: the latest stored list under {@code key} not known to be on disk yet (its write
         * is queued, running or failed), if there is one ({@link Kept}).
         */
        record Unsaved(String key) implements Request, Call<Kept> {}

        /** A call, answered with the {@link WriteStatus}. */
        record Status() implements Request, Call<WriteStatus> {}

        /** A call, answered with how many writes wait in the ledger's queue. */
        record Queued() implements Request, Call<Integer> {}

        /** A call, as the pool stops: answered ("drained") once no write is queued or running. */
        record Drain() implements Request, Call<String> {}

        /** The answer to {@link Unsaved}: the list, or null if there is none. */
        record Kept(TodoList list) {}

        /** Store number {@code generation} of {@code key}, waiting for its turn to be written. */
        record Write(String key, TodoList list, long generation) {}

        /**
         * Each list's stores and the writes of them not reported yet ({@link ListWrites}); the
         * lists whose latest write failed; the writes waiting and the number running; the
         * failures; who waits for the drain (or null); its own pid.
         */
        record State(ListWrites lists, Map<String, TodoList> unsaved, ArrayDeque<Write> queue,
                int running, long failedWrites, From drain, Pid<Request> self) {
            State with(int running, long failedWrites, From drain, Pid<Request> self) {
                return new State(lists, unsaved, queue, running, failedWrites, drain, self);
            }
        }

        private static final System.Logger LOG = System.getLogger(Ledger.class.getName());

        /** Writes one list through the pool; returns whether it is on disk. */
        private final BiPredicate<String, TodoList> write;
        private final int maxWrites;

        Ledger(BiPredicate<String, TodoList> write, int maxWrites) {
            this.write = write;
            this.maxWrites = maxWrites;
        }

        @Override
        public Result<State> init() {
            return Result.ok(new State(new ListWrites(), new LinkedHashMap<>(), new ArrayDeque<>(),
                    0, 0, null, null));
        }

        @Override
        public Result<State> handleCast(Request request, State state) {
            return switch (request) {
                case Self(Pid<Request> self) -> Result.noreply(
                        state.with(state.running(), state.failedWrites(), state.drain(), self));
                case Store(String key, TodoList list) -> {
                    accept(state, key, list);
                    yield Result.noreply(startWrites(state));
                }
                case Retry() -> {
                    List.copyOf(state.unsaved().entrySet()).forEach(e -> {
                        if (state.lists().pending(e.getKey()) == null) { // else a newer one comes
                            accept(state, e.getKey(), e.getValue());
                        }
                    });
                    yield Result.noreply(startWrites(state));
                }
                case Outcome(String key, TodoList list, long generation, boolean onDisk) -> {
                    if (state.lists().isLatest(key, generation)) {
                        if (onDisk) {
                            state.unsaved().remove(key);
                        } else {
                            state.unsaved().put(key, list);
                        }
                    }
                    TodoList again = state.lists().finished(key); // overtaken: see ListWrites
                    if (again != null && !state.unsaved().containsKey(key)) {
                        accept(state, key, again);
                    }
                    yield Result.noreply(startWrites(state.with(state.running() - 1,
                            state.failedWrites() + (onDisk ? 0 : 1), state.drain(),
                            state.self())));
                }
                case Call<?> call -> throw new AssertionError(call); // cast takes a Cast only
            };
        }

        /** Numbers this store of the list and queues its write. */
        private static void accept(State state, String key, TodoList list) {
            state.queue().add(new Write(key, list, state.lists().accept(key, list)));
        }

        /**
         * Starts queued writes while fewer than {@code maxWrites} run; answers a drain once nothing
         * is queued or running.
         */
        private State startWrites(State state) {
            int running = state.running();
            while (running < maxWrites && !state.queue().isEmpty()) {
                Write next = state.queue().poll();
                state.lists().started(next.key(), next.generation());
                spawnWrite(state.self(), next);
                running++;
            }
            From drain = state.drain();
            if (drain != null && running == 0 && state.queue().isEmpty()) {
                GenServer.reply(drain, "drained");
                drain = null;
            }
            return state.with(running, state.failedWrites(), drain, state.self());
        }

        /** A one-off process writes through the pool and reports the outcome. */
        private void spawnWrite(Pid<Request> ledger, Write next) {
            GenServer.spawn(() -> {
                boolean onDisk;
                try {
                    onDisk = write.test(next.key(), next.list());
                } catch (RuntimeException e) { // no worker (the pool closed) or one died: a bug
                    LOG.log(System.Logger.Level.WARNING, "the write of the to-do list '"
                            + next.key() + "' did not reach a worker: " + e);
                    onDisk = false;
                }
                GenServer.cast(ledger,
                        new Outcome(next.key(), next.list(), next.generation(), onDisk));
            });
        }

        @Override
        public Result<State> handleCall(Request request, From from, State state) {
            return switch (request) {
                case Unsaved(String key) -> Result.reply(new Kept(state.lists().pending(key) != null
                        ? state.lists().pending(key)
                        : state.unsaved().get(key)), state);
                case Status() -> Result.reply(new WriteStatus(
                        List.copyOf(state.unsaved().keySet()), state.failedWrites()), state);
                case Queued() -> Result.reply(state.queue().size(), state);
                case Drain() -> Result.noreply(startWrites(
                        state.with(state.running(), state.failedWrites(), from, state.self())));
                case Cast cast -> throw new AssertionError(cast); // call takes a Call only
            };
        }

        /**
         * As the pool stops, after the drain: one last try through it for each list whose write
         * failed or is still queued, and a log line for each list still lost; a write still
         * running (the drain timed out) may be lost too, and is logged as such.
         */
        @Override
        public void terminate(Object reason, State state) {
            if (state == null) {
                return;
            }
            var last = new LinkedHashMap<>(state.unsaved());
            var running = new LinkedHashMap<String, TodoList>();
            state.lists().pending().forEach((key, list) -> {
                long latest = state.lists().generation(key);
                boolean queued = state.queue().stream()
                        .anyMatch(w -> w.key().equals(key) && w.generation() == latest);
                if (queued) {
                    last.put(key, list); // newer than any unsaved one
                } else {
                    last.remove(key); // its unsaved list is older than the one running
                    running.put(key, list);
                }
            });
            last.forEach((key, list) -> {
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
            running.keySet().forEach(key -> LOG.log(System.Logger.Level.ERROR, "the to-do list '"
                    + key + "' was still being written as the pool stopped and may be lost"));
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
