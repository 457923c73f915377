package todo.persistence;

import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.nio.file.Path;
import todo.TodoList;

/**
 * The book's {@code Todo.Database} (7.3.2): one process that does every read and write. {@code
 * store} is a cast, {@code get} a call, so every request of every list waits its turn in this one
 * mailbox: the bottleneck that section 7.3.3 analyses.
 *
 * <p>The interface functions come first and run in the caller; the callbacks, in {@link Server},
 * run in the database process, the only one that touches the {@link Storage}.
 */
public final class TodoDatabase implements Database {

    /** The database's protocol. */
    public sealed interface Request permits Store, Get {}

    /** A cast: write the list. */
    public record Store(String key, TodoList list) implements Request {}

    /** A call: read the list, or null. */
    public record Get(String key) implements Request {}

    private final Pid<Request> pid;

    private TodoDatabase(Pid<Request> pid) {
        this.pid = pid;
    }

    // ---- interface functions: run in the caller ----

    /** {@code Todo.Database.start()}: files in {@code ./persist}, as in the book. */
    public static TodoDatabase start() {
        return start(FileStorage.DEFAULT_FOLDER);
    }

    /** A database with one file per list in {@code folder}. */
    public static TodoDatabase start(Path folder) {
        return start(new FileStorage(folder));
    }

    /** A database process over any storage (tests slow it down or break it). */
    public static TodoDatabase start(Storage storage) {
        return new TodoDatabase(GenServer.start(new Server(storage)));
    }

    @Override
    public void store(String key, TodoList list) {
        GenServer.cast(pid, new Store(key, list));
    }

    @Override
    public TodoList get(String key) {
        return answer(GenServer.call(pid, new Get(key)));
    }

    /** The database process, for {@link GenServer#messageQueueLength} and {@link GenServer#stop}. */
    public Pid<Request> pid() {
        return pid;
    }

    /** A corrupted file comes back as a value, so that it fails the caller, not the database. */
    public static TodoList answer(Object reply) {
        if (reply instanceof CorruptDataException e) {
            throw new CorruptDataException(e.getMessage(), e);
        }
        return (TodoList) reply;
    }

    /** Reads a list, or returns the corruption as a value; shared by every design that reads files. */
    public static Object read(Storage storage, String key) {
        byte[] bytes = storage.read(key);
        if (bytes == null) {
            return null;
        }
        try {
            return TermCodec.decode(bytes);
        } catch (CorruptDataException e) {
            return new CorruptDataException(
                    "the to-do list '" + key + "' in " + storage.locationOf(key)
                            + " is corrupted: " + e.getMessage(),
                    e);
        }
    }

    // ---- callbacks: run in the database process ----

    /** The database process itself; its state is the storage it alone writes to. */
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
                    storage.write(key, TermCodec.encode(list));
                    yield Result.noreply(storage);
                }
                case Get get -> throw new IllegalArgumentException("get is a call, not a cast");
            };
        }

        @Override
        public Result<Storage> handleCall(Request request, From from, Storage storage) {
            return switch (request) {
                case Get(String key) -> Result.reply(read(storage, key), storage);
                case Store store ->
                    throw new IllegalArgumentException("store is a cast, not a call");
            };
        }
    }
}
