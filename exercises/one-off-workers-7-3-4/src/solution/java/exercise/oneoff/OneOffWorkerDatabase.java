package exercise.oneoff;

import genserver.From;
import genserver.GenServer;
import genserver.Pid;
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

    public record Store(String key, TodoList list) implements Request {}

    public record Get(String key) implements Request {}

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
                case Get ignored -> throw new IllegalArgumentException("get is a call, not a cast");
            };
        }

        @Override
        public Result<ListStore> handleCall(Request request, From from, ListStore store) {
            return switch (request) {
                case Get(String key) -> {
                    GenServer.spawn(() -> GenServer.reply(from, Loaded.from(store, key)));
                    yield Result.noreply(store);
                }
                case Store ignored ->
                    throw new IllegalArgumentException("store is a cast, not a call");
            };
        }
    }
}
