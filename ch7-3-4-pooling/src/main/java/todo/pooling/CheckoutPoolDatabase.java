package todo.pooling;

import genserver.GenServer;
import genserver.Pid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * another worker may have written a newer one meanwhile. A failed write is logged and counted by
 * its worker, and the list is written again with its next store. A worker that died all the same
 * (a bug) fails the pool's check on borrow and on return, and the pool starts a new one.
 */
public final class CheckoutPoolDatabase implements Database, AutoCloseable {
    private final GenericObjectPool<Pid<DatabaseWorker.Request>> pool;
    private final int size;
    /** This start's share of its folder; null for a pool over any storage. */
    private final FolderOwner.Lease<CheckoutPoolDatabase> lease;

    private CheckoutPoolDatabase(GenericObjectPool<Pid<DatabaseWorker.Request>> pool, int size,
            FolderOwner.Lease<CheckoutPoolDatabase> lease) {
        this.pool = pool;
        this.size = size;
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
                    started.pool::close);
        });
        return new CheckoutPoolDatabase(lease.handle().pool, size, lease);
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
        return new CheckoutPoolDatabase(pool, size, null);
    }

    /**
     * A cast, as the book's store is: a one-off process borrows a worker, waits for the write, and
     * returns the worker. The to-do server goes on at once.
     */
    @Override
    public void store(String key, TodoList list) {
        ListStore.requireList(key, list);
        if (pool.isClosed()) { // its one-off process would fail to borrow, unheard
            throw new StorageException("the to-do list '" + key + "' is not stored: its pool of "
                    + "workers is closed", null);
        }
        GenServer.spawn(() -> transaction(worker -> {
            DatabaseWorker.storeAndWait(worker, key, list);
            return null;
        }));
    }

    @Override
    public TodoList get(String key) {
        ListNames.requireValid(key);
        return transaction(worker -> DatabaseWorker.get(worker, key));
    }

    /** Every worker's figures: borrows them all (waiting for busy ones), asks, returns them. */
    @Override
    public WriteStatus writeStatus() {
        List<Pid<DatabaseWorker.Request>> all = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                all.add(borrow());
            }
            return all.stream().map(DatabaseWorker::status).reduce(WriteStatus.NONE,
                    WriteStatus::plus);
        } finally {
            all.forEach(pool::returnObject);
        }
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
    private <T> T transaction(Function<Pid<DatabaseWorker.Request>, T> work) {
        Pid<DatabaseWorker.Request> worker = borrow();
        try {
            return work.apply(worker);
        } finally {
            pool.returnObject(worker);
        }
    }

    private Pid<DatabaseWorker.Request> borrow() {
        try {
            return pool.borrowObject();
        } catch (Exception e) {
            throw new IllegalStateException("no database worker to borrow", e);
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
