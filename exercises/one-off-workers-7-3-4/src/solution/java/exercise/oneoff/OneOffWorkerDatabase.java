package exercise.oneoff;

import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.Storage;
import todo.persistence.TermCodec;
import todo.persistence.TodoDatabase;

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
        return TodoDatabase.answer(GenServer.call(pid, new Get(key)));
    }

    // ---- callbacks: run in the database process ----

    static final class Server implements GenServer<Storage, Request> {
        private final Storage storage;

        Server(Storage storage) {
            this.storage = storage;
        }

        @Override
        public Result<Storage> init() {
            return Result.ok(storage);
        }

        @Override
        public Result<Storage> handleCast(Request request, Storage storage) {
            return switch (request) {
                case Store(String key, TodoList list) -> {
                    GenServer.spawn(() -> storage.write(key, TermCodec.encode(list)));
                    yield Result.noreply(storage);
                }
                case Get get -> throw new IllegalArgumentException("get is a call, not a cast");
            };
        }

        @Override
        public Result<Storage> handleCall(Request request, From from, Storage storage) {
            return switch (request) {
                case Get(String key) -> {
                    GenServer.spawn(() -> GenServer.reply(from, TodoDatabase.read(storage, key)));
                    yield Result.noreply(storage);
                }
                case Store store ->
                    throw new IllegalArgumentException("store is a cast, not a call");
            };
        }
    }
}
