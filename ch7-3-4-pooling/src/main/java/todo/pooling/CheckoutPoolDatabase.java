package todo.pooling;

import genserver.AlreadyStartedException;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.FileStorage;
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
 * another worker may have written a newer one meanwhile. A failed write is logged and counted by
 * its worker, and the list is written again with its next store. A worker that died all the same
 * (a bug) fails the pool's check on borrow and on return, and the pool starts a new one.
 */
public final class CheckoutPoolDatabase implements Database, AutoCloseable {
    private final GenericObjectPool<Pid<DatabaseWorker.Request>> pool;
    private final int size;
    private final Pid<Owner.Request> owner;

    private CheckoutPoolDatabase(GenericObjectPool<Pid<DatabaseWorker.Request>> pool, int size,
            Pid<Owner.Request> owner) {
        this.pool = pool;
        this.size = size;
        this.owner = owner;
    }

    /**
     * The pool of {@code files}' folder: the running one, or a new one whose workers write through
     * {@code wrap} around the files, with their cap. A small process registered under the folder's real path owns the
     * pool, as the book's registered database owns its folder; stopping it closes the pool.
     */
    @SuppressWarnings("unchecked")
    public static CheckoutPoolDatabase start(FileStorage files, int size,
            UnaryOperator<Storage> wrap) {
        Pid<Owner.Request> owner;
        try {
            owner = GenServer.start(files.ownerName("CheckoutPoolDatabase"),
                    new Owner(() -> start(wrap.apply(files), size)));
        } catch (AlreadyStartedException e) {
            owner = (Pid<Owner.Request>) e.pid();
        }
        CheckoutPoolDatabase running = GenServer.call(owner, new Owner.ThePool());
        return new CheckoutPoolDatabase(running.pool, running.size, owner);
    }

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

    /** Stops the workers, as {@code :poolboy.stop} would (through the pool's owner, if it has one). */
    @Override
    public void close() {
        if (owner == null) {
            pool.close();
        } else if (GenServer.isAlive(owner)) {
            GenServer.stop(owner);
        }
    }

    /** The process that owns this folder's pool; null for a pool over any storage. */
    public Pid<?> owner() {
        return owner;
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

    /** The process that owns a folder's pool: it starts the pool, hands it out, and closes it. */
    static final class Owner implements GenServer<CheckoutPoolDatabase, Owner.Request> {
        /** The owner's protocol. */
        sealed interface Request permits ThePool {}

        /** A call: the pool. */
        record ThePool() implements Request {}

        private final Supplier<CheckoutPoolDatabase> pool;

        Owner(Supplier<CheckoutPoolDatabase> pool) {
            this.pool = pool;
        }

        @Override
        public Result<CheckoutPoolDatabase> init() {
            return Result.ok(pool.get());
        }

        @Override
        public Result<CheckoutPoolDatabase> handleCall(Request request, From from,
                CheckoutPoolDatabase database) {
            return switch (request) {
                case ThePool() -> Result.reply(database, database);
            };
        }

        /** Every request is a call: one sent as a cast is dropped, never the pool's end. */
        @Override
        public Result<CheckoutPoolDatabase> handleCast(Request request,
                CheckoutPoolDatabase database) {
            Misdirected.cast(request);
            return Result.noreply(database);
        }

        @Override
        public void terminate(Object reason, CheckoutPoolDatabase database) {
            if (database != null) {
                database.pool.close();
            }
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
