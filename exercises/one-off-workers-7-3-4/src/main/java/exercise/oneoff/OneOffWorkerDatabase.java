package exercise.oneoff;

import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.Storage;
import todo.persistence.TodoDatabase;

/**
 * Exercise 7.3.4, "handling requests concurrently": every request still goes through one database
 * process, but the process hands each one to a one-off process ({@link GenServer#spawn}) and takes
 * the next message at once. A {@code get} is answered later, by the one-off process, through
 * {@link GenServer#reply}.
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
            throw new UnsupportedOperationException(
                    "TODO: on Store, spawn a one-off process that writes "
                            + "TermCodec.encode(list) to the storage, and return noreply at once");
        }

        @Override
        public Result<Storage> handleCall(Request request, From from, Storage storage) {
            throw new UnsupportedOperationException(
                    "TODO: on Get, spawn a one-off process that reads the list "
                            + "(TodoDatabase.read) and answers with GenServer.reply(from, answer); return noreply at once");
        }
    }
}
