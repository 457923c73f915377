package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Design 6's store returns when the row is durable: a writer killed with {@code kill -9} right
 * after an acknowledgement, or stopped by a full disk, leaves every list it acknowledged in the H2
 * file, and the full disk reaches the writer as a {@code StorageException}. The writer is a JVM of
 * its own ({@link SqlWriter}); the full disk is a real one, a 256 KiB tmpfs mounted in a mount
 * namespace of its own ({@code unshare}).
 */
class SqlDurabilityTest {
    @TempDir
    Path root;

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java")
            .toString();

    private ProcessBuilder writer(Path folder, int count, int bytes) {
        return new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"),
                SqlWriter.class.getName(), folder.toString(), String.valueOf(count),
                String.valueOf(bytes));
    }

    @Test
    void aWriterKilledWithKill9LeavesEveryListItAcknowledged() throws Exception {
        Path folder = Files.createDirectory(root.resolve("db"));
        Process child = writer(folder, 1_000_000, 16)
                .redirectError(root.resolve("stderr.txt").toFile()).start();
        var acknowledged = new ArrayList<Integer>();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while (acknowledged.size() < 300 && (line = out.readLine()) != null) {
                acknowledged.add(ack(line));
            }
            // kill -9, in the middle of the next store; through its handle, as Process's own
            // destroyForcibly would also close the pipe that still holds acknowledgements
            child.toHandle().destroyForcibly();
            child.waitFor();
            while ((line = out.readLine()) != null) { // acknowledged before it died
                if (line.matches("ACK \\d+")) {
                    acknowledged.add(ack(line));
                }
            }
        }
        assertThat(acknowledged).as(Files.readString(root.resolve("stderr.txt")))
                .hasSizeGreaterThanOrEqualTo(300);

        assertThat(lostFrom(folder, acknowledged, 16)).isEmpty();
    }

    @Test
    void aFullDiskIsThrownToTheWriterAndLosesNothingItAcknowledged() throws Exception {
        assumeTrue(new ProcessBuilder("unshare", "-rm", "true").start().waitFor() == 0,
                "needs unshare to mount a small tmpfs");
        Path small = Files.createDirectory(root.resolve("small"));
        Path copy = Files.createDirectory(root.resolve("copy"));
        List<String> command = new ArrayList<>(List.of("unshare", "-rm", "sh", "-c",
                "mount -t tmpfs -o size=256k none \"$0\" && \"$@\"; cp \"$0\"/todo.mv.db "
                        + copy,
                small.toString()));
        command.addAll(writer(small, 400, 2048).command());
        Process child = new ProcessBuilder(command)
                .redirectError(root.resolve("stderr.txt").toFile()).start();
        var acknowledged = new ArrayList<Integer>();
        String refused = null;
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(ack(line));
                } else if (line.startsWith("REFUSED ")) {
                    refused = line;
                }
            }
        }
        assertThat(child.waitFor()).isZero();

        assertThat(refused).as(Files.readString(root.resolve("stderr.txt"))).isNotNull()
                .contains("cannot write the to-do list 'list " + acknowledged.size() + "'");
        assertThat(acknowledged).isNotEmpty();
        assertThat(lostFrom(copy, acknowledged, 2048)).isEmpty();
    }

    /** The acknowledged lists that the H2 file in {@code folder}, opened again, does not hold. */
    private static List<Integer> lostFrom(Path folder, List<Integer> acknowledged, int bytes) {
        try (var reopened = SqlDatabase.start(folder, 1)) {
            return acknowledged.stream()
                    .filter(n -> !SqlWriter.list(n, bytes).equals(reopened.get("list " + n)))
                    .toList();
        }
    }

    private static int ack(String line) throws IOException {
        if (!line.startsWith("ACK ")) {
            throw new IOException("not an acknowledgement: " + line);
        }
        return Integer.parseInt(line.substring(4));
    }
}
