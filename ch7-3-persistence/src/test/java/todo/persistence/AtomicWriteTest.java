package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.codec.TermCodec;

/**
 * A write is write-aside-then-rename, so killing the JVM in the middle of a write can leave a
 * stray temporary file but never a half-written list.
 */
class AtomicWriteTest {
    @TempDir
    Path folder;

    private static final int LISTS = 10;

    /** The child JVM: rewrites {@link #LISTS} lists, growing, until it is killed. */
    public static void main(String[] args) {
        var storage = new FileStorage(Path.of(args[0]));
        TodoList list = TodoList.empty();
        for (int round = 0;; round++) {
            list = list.addEntry(new TodoEntry(LocalDate.of(2023, 12, 19),
                    "entry " + round + " ".repeat(round % 500)));
            for (int l = 0; l < LISTS; l++) {
                storage.write("list " + l, TermCodec.encode(list));
            }
        }
    }

    @Test
    void killingTheWriterNeverLeavesHalfAFile() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            Process child = new ProcessBuilder(javaCommand(), "-cp",
                    System.getProperty("java.class.path"),
                    AtomicWriteTest.class.getName(), folder.toString()).inheritIO().start();
            // Let it write for a while: until the lists have grown past a hundred entries, so that
            // each write takes a while and the kill is likely to land inside one.
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> sizeOf("list " + (LISTS - 1)) > 10_000);
            child.destroyForcibly().waitFor();

            for (Path file : lists()) {
                TodoList decoded = TermCodec.decode(Files.readAllBytes(file));
                assertThat(decoded.size()).as(file.toString()).isPositive();
            }
            assertThat(lists()).hasSize(LISTS);
        }
    }

    private long sizeOf(String name) throws IOException {
        Path file = folder.resolve(name);
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private List<Path> lists() throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("list ")).toList();
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
