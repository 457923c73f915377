package exercise.oneoff;

import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.ProcessExitException;
import genserver.Result;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.ListStore;
import todo.persistence.Storage;
import todo.persistence.safety.Loaded;

/**
 * Exercise 7.3.4, "handling requests concurrently": every request still goes through one database
 * process, but the process hands each one to a one-off process ({@link GenServer#spawn}) and takes
 * the next message at once. A {@code get} is answered later, by the one-off process, through
 * {@link GenServer#reply}.
 *
 * <p>The reference solution: it replaces {@code src/main/java}'s starter when the build runs the
 * exercise's tests against it.
 */
public final class OneOffWorkerDatabase implements Database {

    /** The database's protocol. */
    public sealed interface Request permits Store, Get {}

    /** A cast: write the list. */
    public record Store(String key, TodoList list) implements Request, Cast {}

    /** A call, answered with the stored list, as a {@link Loaded}. */
    public record Get(String key) implements Request, Call<Loaded> {}

    private final Pid<Request> pid;

    private OneOffWorkerDatabase(Pid<Request> pid) {
        this.pid = pid;
    }

    // ---- interface functions: run in the caller ----

    public static OneOffWorkerDatabase start(Storage storage) {
        return new OneOffWorkerDatabase(GenServer.start(new Server(storage)));
    }

    @Override
    public void store(String key, TodoList list) {
        GenServer.cast(pid, new Store(key, list));
    }

    @Override
    public TodoList get(String key) {
        Loaded loaded = GenServer.call(pid, new Get(key));
        return loaded.orThrow();
    }

    /** Stops the database process; one-off processes still running finish on their own. */
    @Override
    public void close() {
        try {
            GenServer.stop(pid);
        } catch (ProcessExitException alreadyEnded) {
            // it ended already (a callback threw): nothing left to stop
        }
    }

    // ---- callbacks: run in the database process ----

    static final class Server implements GenServer<ListStore, Request> {
        private final Storage storage;

        Server(Storage storage) {
            this.storage = storage;
        }

        @Override
        public Result<ListStore> init() {
            return Result.ok(new ListStore(storage));
        }

        @Override
        public Result<ListStore> handleCast(Request request, ListStore store) {
            return switch (request) {
                case Store(String key, TodoList list) -> {
                    GenServer.spawn(() -> store.save(key, list));
                    yield Result.noreply(store);
                }
                case Call<?> call -> throw new AssertionError(call); // cast takes a Cast only
            };
        }

        @Override
        public Result<ListStore> handleCall(Request request, From from, ListStore store) {
            return switch (request) {
                case Get(String key) -> {
                    GenServer.spawn(() -> GenServer.reply(from, Loaded.from(store, key)));
                    yield Result.noreply(store);
                }
                case Cast cast -> throw new AssertionError(cast); // call takes a Call only
            };
        }
    }
}
