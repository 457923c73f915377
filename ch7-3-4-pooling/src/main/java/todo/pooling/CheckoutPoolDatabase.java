package todo.pooling;

import genserver.GenServer;
import genserver.Pid;
import java.time.Duration;
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
import todo.persistence.ListStore;
import todo.persistence.Storage;
import todo.persistence.TodoDatabase;
import todo.persistence.safety.FolderOwner;
import todo.persistence.safety.ListNames;
import todo.persistence.safety.WriteStatus;
import todo.pooling.safety.PoolLedger;
import todo.pooling.safety.WorkerSafety;

/**
 * Design 5, a checkout pool in the style of poolboy (which the seed links): a fixed number of
 * {@link DatabaseWorker}s in an Apache Commons Pool2 pool. Each request borrows any free worker,
 * uses it, and returns it ({@code :poolboy.transaction}). At most {@code size} writes run at once,
 * but a worker is not tied to a key: two writes of the same list can borrow two workers, and the
 * older can land last.
 *
 * <p>For the same reason a worker cannot keep a list whose write failed: another may have written
 * a newer one meanwhile. So the store goes to the pool's {@link PoolLedger}, the safety layer,
 * which numbers each list's stores, writes them through the pool, keeps the latest one not on
 * disk yet (a get answers it), writes failed ones again, and drains before the pool closes. A
 * worker that died all the same (a bug) fails the pool's check on borrow and on return, and the
 * pool starts a new one.
 */
public final class CheckoutPoolDatabase implements Database, AutoCloseable {
    /** How {@link FolderOwner} names this design to another one that finds the folder taken. */
    public static final String DESIGN = "CheckoutPoolDatabase (design 5)";

    private final GenericObjectPool<Pid<DatabaseWorker.Request>> pool;
    private final Pid<PoolLedger.Request> ledger;
    /** This start's share of its folder; null for a pool over any storage. */
    private final FolderOwner.Lease<CheckoutPoolDatabase> lease;

    private CheckoutPoolDatabase(GenericObjectPool<Pid<DatabaseWorker.Request>> pool,
            Pid<PoolLedger.Request> ledger, FolderOwner.Lease<CheckoutPoolDatabase> lease) {
        this.pool = pool;
        this.ledger = ledger;
        this.lease = lease;
    }

    /** A pool of {@code size} workers over {@code storage}, all started now; not registered. */
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
        Pid<PoolLedger.Request> ledger = PoolLedger.start((key, list) -> transaction(pool,
                worker -> WorkerSafety.storeAndWait(worker, key, list).onDisk()), size);
        return new CheckoutPoolDatabase(pool, ledger, null);
    }

    /**
     * The pool of {@code files}' folder: the running one, or a new one whose workers write through
     * {@code wrap}. A small process registered under the folder's real path owns the pool, as the
     * book's registered database owns its folder; the last user's close stops it.
     */
    public static CheckoutPoolDatabase start(FileStorage files, int size,
            UnaryOperator<Storage> wrap) {
        FolderOwner.Lease<CheckoutPoolDatabase> lease = FolderOwner.acquire(files, DESIGN, () -> {
            CheckoutPoolDatabase started = start(wrap.apply(files), size);
            return new FolderOwner.Served(started, () -> !started.pool.isClosed(), started::stop);
        });
        return new CheckoutPoolDatabase(lease.handle().pool, lease.handle().ledger, lease);
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

    /** A cast, as the book's store is: the ledger writes it through a transaction, in order. */
    @Override
    public void store(String key, TodoList list) {
        PoolLedger.store(ledger, ListStore.requireList(key, list), list);
    }

    @Override
    public TodoList get(String key) {
        return get(key, GenServer.DEFAULT_TIMEOUT);
    }

    /** A list whose write is queued, running or failed from the ledger, else what a worker reads. */
    private TodoList get(String key, Duration timeout) {
        TodoList unsaved = PoolLedger.unsaved(ledger, ListNames.requireValid(key));
        return unsaved != null
                ? unsaved
                : transaction(pool, worker -> WorkerSafety.get(worker, key, timeout));
    }

    // ---- the safety layer's places: a load without the 5 s limit, retry, status, close ----

    @Override
    public TodoList load(String key) {
        return get(key, GenServer.INFINITY);
    }

    /** Named after the pool's ledger, which this design's users share: one server per list. */
    @Override
    public String serverName(String key) {
        return Database.serverName(key, ledger);
    }

    @Override
    public void retry() {
        PoolLedger.retry(ledger);
    }

    @Override
    public WriteStatus writeStatus() {
        return PoolLedger.status(ledger);
    }

    /** This user is done with the pool: the last user's close stops it (:poolboy.stop). */
    @Override
    public void close() {
        if (lease != null) {
            lease.release();
        } else if (!pool.isClosed()) {
            stop();
        }
    }

    /** The ledger's writes first, then the workers: a pool's close interrupts its borrowers. */
    private void stop() {
        PoolLedger.drainAndStop(ledger);
        pool.close();
    }

    /** The process that owns this folder's pool; null for a pool over any storage. */
    public Pid<?> owner() {
        return lease == null ? null : lease.owner();
    }

    /** Writes waiting in the ledger's queue and for a worker: where the others have a mailbox. */
    public int waiting() {
        return PoolLedger.queued(ledger) + pool.getNumWaiters();
    }

    /** Starts and stops the pooled worker processes. */
    private static final class Workers
            extends
                BasePooledObjectFactory<Pid<DatabaseWorker.Request>> {
        private final Storage storage;

        Workers(Storage storage) {
            this.storage = storage;
        }

        /** A worker that only logs and counts a failed write: the ledger keeps the list. */
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
