package todo.pooling;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import todo.persistence.Storage;

/**
 * Design 6, pooling as a Java engineer meets it at work, and as Ecto does it (the seed links
 * Ecto): an embedded SQL database (H2, one file, no server) behind a HikariCP pool of connections.
 * One row per list holds the same term_to_binary bytes as the files. The to-do server writes
 * through it directly (as with {@link BypassDatabase}): a write waits for a free connection, so at
 * most {@code connections} run at once, and each list's writes stay in its server's order.
 */
public final class SqlDatabase {
    private SqlDatabase() {}

    /** A {@link BypassDatabase} over an H2 file in {@code folder}, with a pool of {@code connections}. */
    public static BypassDatabase start(Path folder, int connections) {
        return new BypassDatabase(storage(folder, connections, UnaryOperator.identity()));
    }

    /**
     * The SQL storage alone. {@code whileConnected} wraps each statement once it holds a
     * connection, so that a meter counts writes running, not writes waiting for a connection.
     */
    public static SqlStorage storage(Path folder, int connections,
            UnaryOperator<Storage> whileConnected) {
        var config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + folder.toAbsolutePath().resolve("todo")
                + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
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
        return new SqlStorage(dataSource, whileConnected);
    }

    /** Rows instead of files. */
    public static final class SqlStorage implements Storage, AutoCloseable {
        private final HikariDataSource dataSource;
        private final UnaryOperator<Storage> whileConnected;

        SqlStorage(HikariDataSource dataSource, UnaryOperator<Storage> whileConnected) {
            this.dataSource = dataSource;
            this.whileConnected = whileConnected;
        }

        @Override
        public void write(String key, byte[] bytes) {
            try (Connection connection = dataSource.getConnection()) {
                whileConnected.apply(new Row(connection)).write(key, bytes);
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

        /** Writers waiting for a connection: this design's queue. */
        public int waiting() {
            var pool = dataSource.getHikariPoolMXBean();
            return pool == null ? 0 : pool.getThreadsAwaitingConnection();
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }

    /** One statement on a connection that the caller holds. */
    private record Row(Connection connection) implements Storage {
        @Override
        public void write(String key, byte[] bytes) {
            try (PreparedStatement merge = connection
                    .prepareStatement("MERGE INTO todo_lists KEY (name) VALUES (?, ?)")) {
                merge.setString(1, key);
                merge.setBytes(2, bytes);
                merge.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store the list '" + key + "'", e);
            }
        }

        @Override
        public byte[] read(String key) {
            throw new UnsupportedOperationException("reads go through SqlStorage");
        }

        @Override
        public String locationOf(String key) {
            return "row '" + key + "'";
        }
    }
}
