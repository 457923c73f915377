package todo.pooling;

import genserver.GenServer;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import todo.persistence.Database;
import todo.persistence.FileStorage;
import todo.persistence.Storage;
import todo.persistence.TodoDatabase;

/** The six ways to persist of section 7.3.4, side by side, each started the same way. */
public enum Design {
    SINGLE_PROCESS("1 one database process (7.3)") {
        @Override
        public Running start(Path folder, UnaryOperator<Storage> wrap) {
            Storage storage = files(folder, wrap);
            var database = TodoDatabase.start(storage);
            return new Running(database, () -> GenServer.messageQueueLength(database.pid()));
        }
    },
    BYPASS("2 bypassing the process") {
        @Override
        public Running start(Path folder, UnaryOperator<Storage> wrap) {
            Storage storage = files(folder, wrap);
            return new Running(new BypassDatabase(storage), () -> 0);
        }
    },
    ONE_OFF_WORKERS("3 one-off worker per request") {
        @Override
        public Running start(Path folder, UnaryOperator<Storage> wrap) {
            Storage storage = files(folder, wrap);
            var database = OneOffWorkerDatabase.start(storage);
            return new Running(database, () -> GenServer.messageQueueLength(database.pid()));
        }
    },
    POOLED("4 pool of 3, key -> worker") {
        @Override
        public Running start(Path folder, UnaryOperator<Storage> wrap) {
            Storage storage = files(folder, wrap);
            var database = PooledDatabase.start(storage, POOL_SIZE);
            var workers = database.workers();
            return new Running(database,
                    () -> workers.stream().mapToInt(GenServer::messageQueueLength).sum());
        }
    },
    CHECKOUT_POOL("5 checkout pool of 3 (Pool2)") {
        @Override
        public Running start(Path folder, UnaryOperator<Storage> wrap) {
            Storage storage = files(folder, wrap);
            var database = CheckoutPoolDatabase.start(storage, POOL_SIZE);
            return new Running(database, database::waiting);
        }
    },
    SQL("6 H2 + HikariCP pool of 3") {
        @Override
        public Running start(Path folder, UnaryOperator<Storage> wrap) {
            var sql = SqlDatabase.storage(folder, POOL_SIZE, wrap);
            return new Running(new BypassDatabase(sql), sql::waiting);
        }
    };

    /** The pool size of designs 4, 5 and 6, as in the book. */
    public static final int POOL_SIZE = PooledDatabase.DEFAULT_WORKERS;

    private final String title;

    Design(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** A started design: its database, and the length of the queue its requests wait in. */
    public record Running(Database database, IntSupplier queueLength) {}

    /**
     * Starts this design with its lists in {@code folder}; {@code wrap} may wrap the storage (to
     * meter or slow the writes).
     */
    public abstract Running start(Path folder, UnaryOperator<Storage> wrap);

    /** The files of step 7.3, in {@code folder}, wrapped. */
    private static Storage files(Path folder, UnaryOperator<Storage> wrap) {
        return wrap.apply(new FileStorage(folder));
    }
}
