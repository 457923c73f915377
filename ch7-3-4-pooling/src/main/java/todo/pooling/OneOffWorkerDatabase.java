package todo.pooling;

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
 * Design 3, "handling requests concurrently", the seed's snippet: every request still goes
 * through one database process, but it only spawns a one-off worker and takes the next message.
 * {@code get} returns {@code {:noreply, state}}; the worker answers the caller through {@link
 * GenServer#reply}. Concurrency is unbounded, and two writes of one list run in two processes
 * that nothing orders: the older can land last.
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

    public Pid<Request> pid() {
        return pid;
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
        public Result<Storage> handleCall(Request request, From caller, Storage storage) {
            return switch (request) {
                case Get(String key) -> {
                    GenServer.spawn(() -> GenServer.reply(caller, TodoDatabase.read(storage, key)));
                    yield Result.noreply(storage);
                }
                case Store store ->
                    throw new IllegalArgumentException("store is a cast, not a call");
            };
        }
    }
}
