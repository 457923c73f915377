package todo.persistence.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.FileStorage;
import todo.persistence.ListStore;
import todo.persistence.safety.PendingWrites;

/**
 * Good stores per second beside 0, 10 and 100 lists that cannot be written (a folder where each
 * one's file should be), through one {@link PendingWrites} on real files: what a failing list costs
 * the others. A figure to read, not a test; {@link PendingWritesTest} counts the attempts.
 *
 * <p>Run with the JDK the build uses (the shell's {@code java} is 17), from the root:
 *
 * <pre>
 * mvn -q -pl ch7-3-persistence -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt
 * cd ch7-3-persistence &amp;&amp; /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) todo.persistence.PendingWritesBench
 * </pre>
 */
public final class PendingWritesBench {
    private static final long MEASURE_NANOS = 2_000_000_000L;

    private PendingWritesBench() {}

    public static void main(String[] args) throws IOException {
        java.util.logging.Logger.getLogger(PendingWrites.class.getName())
                .setLevel(java.util.logging.Level.OFF); // one warning per failing list otherwise
        TodoList list = TodoList.of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist"),
                new TodoEntry(LocalDate.of(2023, 12, 20), "Shopping")));
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            for (int failing : new int[]{0, 10, 100}) {
                double rate = goodStoresPerSecond(failing, list);
                if (round == 1) {
                    System.out.printf("%3d failing lists: %,8.0f good stores/s%n", failing, rate);
                }
            }
        }
    }

    private static double goodStoresPerSecond(int failing, TodoList list) throws IOException {
        Path folder = Files.createTempDirectory("pending-writes-bench");
        try {
            var writes = new PendingWrites(new ListStore(new FileStorage(folder)));
            for (int i = 0; i < failing; i++) {
                Files.createDirectory(folder.resolve("failing-" + i));
                writes.write("failing-" + i, list);
            }
            long start = System.nanoTime();
            long stores = 0;
            while (System.nanoTime() - start < MEASURE_NANOS) {
                if (!writes.write("good-" + stores % 100, list)) {
                    throw new IllegalStateException("a good store failed");
                }
                stores++;
            }
            return stores * 1e9 / (System.nanoTime() - start);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
