package todo.pooling;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.StorageException;

/**
 * The writer {@link SqlDurabilityTest} runs in a JVM of its own, so that it can kill it: it
 * stores lists {@code "list 0"}, {@code "list 1"}... of {@code bytes} bytes each into design 6's
 * H2 file in the folder given, and prints {@code ACK n} each time {@code store} has returned. A
 * store that throws prints {@code REFUSED n: message}; then the writer halts, as a crash would,
 * without closing the database.
 */
final class SqlWriter {
    private SqlWriter() {}

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int bytes = Integer.parseInt(args[2]);
        var database = SqlDatabase.start(folder, 1);
        for (int n = 0; n < count; n++) {
            try {
                database.store("list " + n, list(n, bytes));
            } catch (StorageException e) {
                System.out.println("REFUSED " + n + ": " + e.getMessage());
                System.out.flush();
                Runtime.getRuntime().halt(0);
            }
            System.out.println("ACK " + n);
            System.out.flush();
        }
        Runtime.getRuntime().halt(0);
    }

    /** List number {@code n}: one entry whose title says {@code n}, padded to about {@code bytes}. */
    static TodoList list(int n, int bytes) {
        String title = n + " " + "x".repeat(Math.max(0, bytes));
        return TodoList.of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), title)));
    }
}
