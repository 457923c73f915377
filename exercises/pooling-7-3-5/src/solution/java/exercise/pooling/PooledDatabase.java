package exercise.pooling;

import genserver.Call;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.util.List;
import java.util.stream.IntStream;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.Storage;

/**
 * Exercise 7.3.5: the database becomes a pool of {@link DatabaseWorker}s. The database process
 * starts the workers and answers one question, "which worker serves this key?" (the book's
 * {@code choose_worker}); {@code store} and {@code get} then talk to that worker directly.
 *
 * <p>The reference solution: it replaces {@code src/main/java}'s starter when the build runs the
 * exercise's tests against it.
 */
public final class PooledDatabase implements Database {

    /** The database's protocol. */
    public sealed interface Request permits ChooseWorker {}

    /** A call, answered with the worker that serves {@code key}. */
    public record ChooseWorker(String key) implements Request, Call<Pid<DatabaseWorker.Request>> {}

    private final Pid<Request> pid;

    private PooledDatabase(Pid<Request> pid) {
        this.pid = pid;
    }

    // ---- interface functions: run in the caller ----

    /**
     * Starts the database process, which starts {@code workers} workers over {@code storage}.
     */
    public static PooledDatabase start(Storage storage, int workers) {
        return new PooledDatabase(GenServer.start(new Server(storage, workers)));
    }

    /** The worker that serves {@code key}: always the same one for the same key. */
    public Pid<DatabaseWorker.Request> chooseWorker(String key) {
        return GenServer.call(pid, new ChooseWorker(key));
    }

    @Override
    public void store(String key, TodoList list) {
        DatabaseWorker.store(chooseWorker(key), key, list);
    }

    @Override
    public TodoList get(String key) {
        return DatabaseWorker.get(chooseWorker(key), key);
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
                // floorMod: a Java hash code can be negative, and % would then be too
                case ChooseWorker(String key) ->
                    Result.reply(pool.get(Math.floorMod(key.hashCode(), pool.size())), pool);
            };
        }
    }
}
