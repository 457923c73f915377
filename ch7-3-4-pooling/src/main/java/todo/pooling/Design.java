package todo.pooling;

import genserver.GenServer;
import genserver.Pid;
import genserver.ProcessExitException;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import todo.persistence.Database;
import todo.persistence.FileStorage;
import todo.persistence.TodoDatabase;
import todo.persistence.safety.FolderOwner;
import todo.pooling.safety.WriteHooks;

/**
 * Section 7.3.4 side by side, 7.3's single process and five ways out, each started the same
 * way. Every design owns its folder through one {@link FolderOwner}, as the book's registered database does:
 * starting one on a folder it already serves returns the running one, starting another design
 * there is refused, and the design stops when its last {@link Running} is closed.
 */
public enum Design {
    SINGLE_PROCESS("1 one database process (7.3)") {
        @Override
        public Running start(FileStorage files, WriteHooks hooks) {
            var database = TodoDatabase.start(files, hooks::around);
            return new Running(database, () -> GenServer.messageQueueLength(database.pid()),
                    database::close);
        }
    },
    BYPASS("2 bypassing the process") {
        @Override
        public Running start(FileStorage files, WriteHooks hooks) {
            // No process writes, but the folder still has one owner: no other design writes it
            // meanwhile, and its recover() runs once, as the first user starts.
            FolderOwner.Lease<BypassDatabase> lease = FolderOwner.acquire(files,
                    "BypassDatabase (design 2)", () -> {
                        files.recover();
                        var database = BypassDatabase.start(hooks.around(files));
                        // "alive" stays true: starting again would run recover() under writers
                        return new FolderOwner.Served(database, () -> true, database::close);
                    });
            return new Running(lease.handle(), () -> 0, lease::release);
        }
    },
    ONE_OFF_WORKERS("3 one-off worker per request") {
        @Override
        public Running start(FileStorage files, WriteHooks hooks) {
            var database = OneOffWorkerDatabase.start(files, hooks::around);
            return new Running(database, () -> GenServer.messageQueueLength(database.pid()),
                    database::close);
        }
    },
    POOLED("4 pool of %d, key -> worker") {
        @Override
        public Running start(FileStorage files, WriteHooks hooks) {
            var database = PooledDatabase.start(files, POOL_SIZE, hooks::around);
            var workers = database.workers();
            return new Running(database,
                    () -> workers.stream().mapToInt(GenServer::messageQueueLength).sum(),
                    database::close);
        }
    },
    CHECKOUT_POOL("5 checkout pool of %d (Pool2)") {
        @Override
        public Running start(FileStorage files, WriteHooks hooks) {
            var database = CheckoutPoolDatabase.start(files, POOL_SIZE, hooks::around);
            return new Running(database, database::waiting, database::close);
        }
    },
    SQL("6 H2 + HikariCP pool of %d") {
        @Override
        public Running start(FileStorage files, WriteHooks hooks) {
            // One pool and one ledger per folder, as for the file designs: two starts on one
            // folder share the servers the ledger names, so a list has one writer.
            FolderOwner.Lease<SqlDatabase> lease = FolderOwner.acquire(files,
                    "SqlDatabase (design 6)", () -> {
                        var database = SqlDatabase.start(files.folder(), POOL_SIZE,
                                files.maxBytes(), hooks);
                        return new FolderOwner.Served(database, () -> true, database::close);
                    });
            SqlDatabase database = lease.handle();
            return new Running(database, database::waiting, lease::release);
        }
    };

    /** The pool size of designs 4, 5 and 6, as in the book. */
    public static final int POOL_SIZE = PooledDatabase.DEFAULT_WORKERS;

    private final String title;

    Design(String title) {
        this.title = title;
    }

    /** The design's number and name, with the pool size where it has one. */
    public String title() {
        return title.formatted(POOL_SIZE);
    }

    /** The design's number, 1 to 6, as the tables and the options name it. */
    public int number() {
        return ordinal() + 1;
    }

    /** The design numbered {@code number}, 1 to 6. */
    public static Design numbered(int number) {
        return values()[number - 1];
    }

    /**
     * A started design: its database, the length of the queue its requests wait in, and how to
     * stop its processes and pools. Close it when done.
     */
    public record Running(Database database, IntSupplier queueLength, Runnable stop)
            implements
                AutoCloseable {
        @Override
        public void close() {
            stop.run();
        }
    }

    /** Starts this design with its lists in {@code folder}. */
    public Running start(Path folder) {
        return start(folder, WriteHooks.NONE);
    }

    /**
     * Starts this design with its lists in {@code folder}; {@code hooks} run around each write
     * once it really runs (to meter, hold or fail the writes).
     */
    public Running start(Path folder, WriteHooks hooks) {
        return start(new FileStorage(folder), hooks);
    }

    /**
     * Starts this design with its lists in {@code files}' folder, none larger than {@code files}'
     * cap (design 6 keeps its rows in that folder, under the same cap); {@code hooks} as above. A
     * design already running on that folder is returned with the cap it was started with.
     */
    public abstract Running start(FileStorage files, WriteHooks hooks);
}
