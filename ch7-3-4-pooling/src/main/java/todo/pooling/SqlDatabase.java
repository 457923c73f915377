package todo.pooling;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import todo.persistence.Storage;
import todo.pooling.safety.WriteHooks;
import todo.pooling.safety.UnsavedLedger;

/**
 * Design 6, pooling as a Java engineer meets it at work, and as Ecto does it (the seed links
 * Ecto): an embedded SQL database (H2, one file, no server) behind a HikariCP pool of connections.
 * One row per list holds the same term_to_binary bytes as the files. The to-do server writes
 * through it directly: it is design 2 over rows instead of files ({@link BypassDatabase}, its
 * ledger and all), where a write waits for a free connection, so at most {@code connections} run
 * at once, and each list's writes stay in its server's order. A store returns when the row's commit
 * is in the H2 file (a killed JVM keeps it; H2 does not sync the file, so a power cut may not),
 * else throws a {@code StorageException}. Close it to close the pool.
 */
public final class SqlDatabase extends BypassDatabase {
    private final Rows rows;

    private SqlDatabase(Rows rows) {
        super(rows, UnsavedLedger.start());
        this.rows = rows;
    }

    /** An H2 file in {@code folder} behind a pool of {@code connections}. */
    public static SqlDatabase start(Path folder, int connections) {
        return start(folder, connections, Storage.DEFAULT_MAX_BYTES, WriteHooks.NONE);
    }

    /**
     * As {@link #start(Path, int)}, with no list larger than {@code maxBytes}; {@code hooks} run
     * around each statement once it holds a connection, so that a meter counts writes running, not
     * writes waiting for a connection.
     */
    public static SqlDatabase start(Path folder, int connections, long maxBytes,
            WriteHooks hooks) {
        var config = new HikariConfig();
        // WRITE_DELAY=0: each commit writes its chunk to the file before the statement returns
        // (H2's default keeps it in memory up to 500 ms, so a store could return, be lost with
        // the JVM, and a full disk never reach the writer). Autocommit: one statement, one commit.
        config.setJdbcUrl("jdbc:h2:file:" + folder.toAbsolutePath().resolve("todo")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        config.setAutoCommit(true);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        // A writer waits for a connection as long as the queue takes (0: no limit), as every other
        // design's requests wait in theirs: HikariCP's 30 s default failed accepted writes under
        // load, and the servers then logged them as lost at close.
        config.setConnectionTimeout(0);
        config.setPoolName("todo-sql");
        var dataSource = new HikariDataSource(config);
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute(
                    "CREATE TABLE IF NOT EXISTS todo_lists (name VARCHAR(255) PRIMARY KEY, data VARBINARY)");
        } catch (SQLException e) {
            dataSource.close();
            throw new IllegalStateException("cannot create the todo_lists table", e);
        }
        return new SqlDatabase(new Rows(dataSource,
                folder.toAbsolutePath().resolve("todo.mv.db"), maxBytes, hooks));
    }

    /** Writers waiting for a connection: this design's queue. */
    public int waiting() {
        var pool = rows.dataSource.getHikariPoolMXBean();
        return pool == null ? 0 : pool.getThreadsAwaitingConnection();
    }

    /** Closes the connection pool (and with its last connection, the H2 database). */
    @Override
    public void close() {
        super.close();
        rows.dataSource.close();
    }

    /**
     * Rows instead of files, in the H2 file {@code file}. H2 keeps writing to its open file after
     * the folder is deleted, and every statement would succeed into a file nobody can reopen: a
     * write first checks that the file is still there, and fails aloud if not (its server keeps
     * the list, and names it as lost if it still cannot store it as it stops).
     */
    private record Rows(HikariDataSource dataSource, Path file, long maxBytes, WriteHooks hooks)
            implements
                Storage {
        @Override
        public void write(String key, byte[] bytes) {
            if (!Files.exists(file)) {
                throw new IllegalStateException("the H2 file " + file
                        + " is gone (its folder was deleted?): a row written now would be lost");
            }
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement merge = connection
                            .prepareStatement("MERGE INTO todo_lists KEY (name) VALUES (?, ?)")) {
                hooks.begin(key, bytes);
                try {
                    merge.setString(1, key);
                    merge.setBytes(2, bytes);
                    merge.executeUpdate();
                } finally {
                    hooks.end(key, bytes);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store the list '" + key + "'", e);
            }
        }

        @Override
        public byte[] read(String key) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection
                            .prepareStatement("SELECT data FROM todo_lists WHERE name = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the list '" + key + "'", e);
            }
        }

        @Override
        public String locationOf(String key) {
            return dataSource.getJdbcUrl() + " row '" + key + "'";
        }
    }
}
