package todo.pooling.safety;

import genserver.GenServer;
import genserver.Pid;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import todo.TodoList;
import todo.persistence.ListStore;
import todo.persistence.safety.Loaded;
import todo.persistence.safety.PendingWrites;
import todo.persistence.safety.WriteStatus;
import todo.pooling.DatabaseWorker;

/**
 * What a {@link DatabaseWorker} does beyond the book's store and get, and what a pool does for its
 * workers: a store that waits for its outcome (design 5's ledger must know it), a get without the
 * 5 s limit, writing failed lists again, the write status, and a dead worker replaced.
 */
public final class WorkerSafety {
    private WorkerSafety() {}

    /** The worker's safety casts, which it gets inside a {@link DatabaseWorker.Safety}. */
    public sealed interface Note permits Retry {}

    /** Write again the lists whose write failed. */
    public record Retry() implements Note {}

    /** The worker's safety calls, inside a {@link DatabaseWorker.SafetyCall}, answered with R. */
    public sealed interface Ask<R> permits StoreAndWait, Status {}

    /** Write the list; the answer says whether it is on disk. */
    public record StoreAndWait(String key, TodoList list) implements Ask<Stored> {}

    /** The worker's {@link WriteStatus}. */
    public record Status() implements Ask<WriteStatus> {}

    /** The answer to a {@link StoreAndWait}: whether the list is on disk now. */
    public record Stored(boolean onDisk) {}

    // ---- interface functions: run in the caller ----

    /** The store as a call: returns once the write is done, saying whether it worked. */
    public static Stored storeAndWait(Pid<DatabaseWorker.Request> worker, String key,
            TodoList list) {
        return GenServer.call(worker,
                new DatabaseWorker.SafetyCall<>(
                        new StoreAndWait(ListStore.requireList(key, list), list)));
    }

    /** {@link DatabaseWorker#get} waiting up to {@code timeout} ({@code GenServer.INFINITY}). */
    public static TodoList get(Pid<DatabaseWorker.Request> worker, String key, Duration timeout) {
        Loaded loaded = GenServer.call(worker, new DatabaseWorker.Get(key), timeout);
        return loaded.orThrow();
    }

    /** Asks each worker to write again the lists whose write failed. */
    public static void retry(List<Pid<DatabaseWorker.Request>> workers) {
        workers.forEach(worker -> GenServer.cast(worker, new DatabaseWorker.Safety(new Retry())));
    }

    /** The workers' {@link WriteStatus}, added up. */
    public static WriteStatus status(List<Pid<DatabaseWorker.Request>> workers) {
        return workers.stream()
                .map(worker -> GenServer.call(worker,
                        new DatabaseWorker.SafetyCall<>(new Status())))
                .reduce(WriteStatus.NONE, WriteStatus::plus);
    }

    // ---- in the worker's process ----

    /** A safety cast. */
    public static void cast(Note note, PendingWrites writes) {
        switch (note) {
            case Retry() -> writes.retry();
        }
    }

    /** A safety call: the answer. */
    public static Object call(Ask<?> ask, PendingWrites writes) {
        return switch (ask) {
            case StoreAndWait(String key, TodoList list) -> new Stored(writes.write(key, list));
            case Status() -> writes.status();
        };
    }

    /** As a worker ends: one last try of its failed writes, and a log line for each one lost. */
    public static void terminate(PendingWrites writes) {
        if (writes != null) {
            writes.close();
        }
    }

    // ---- a pool's workers (design 4) ----

    /** A pool of no worker would serve no key. */
    public static void requirePositive(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, not " + workers);
        }
    }

    /**
     * The worker at {@code index}, replaced first by one from {@code start} if it has died: a
     * worker never dies of a request's fault, but a bug could still end it.
     */
    public static Pid<DatabaseWorker.Request> live(List<Pid<DatabaseWorker.Request>> pool,
            int index, Supplier<Pid<DatabaseWorker.Request>> start) {
        if (!GenServer.isAlive(pool.get(index))) {
            pool.set(index, start.get());
        }
        return pool.get(index);
    }

    /** Every worker, each {@link #live}. */
    public static List<Pid<DatabaseWorker.Request>> live(List<Pid<DatabaseWorker.Request>> pool,
            Supplier<Pid<DatabaseWorker.Request>> start) {
        return IntStream.range(0, pool.size()).mapToObj(i -> live(pool, i, start)).toList();
    }

    /** As the pool ends: its workers end with it. */
    public static void stopAll(List<Pid<DatabaseWorker.Request>> pool) {
        if (pool != null) {
            pool.stream().filter(GenServer::isAlive).forEach(GenServer::stop);
        }
    }
}
