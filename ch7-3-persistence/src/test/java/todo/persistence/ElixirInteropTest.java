package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;
import todo.TodoList;

/**
 * The files are the book's: real Elixir (Debian's {@code elixir}) reads what Java wrote and Java
 * reads what Elixir wrote, with the book's own {@code Todo.List} building the list. Runs wherever
 * {@code elixir} is on the PATH; {@code .ci/run} installs it.
 */
@EnabledIf("elixirIsInstalled")
class ElixirInteropTest {
    @TempDir
    Path folder;

    /** The same list as {@code interop.exs} builds, step for step. */
    static TodoList sample() {
        TodoList list = TodoList.of(List.of(
                new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist"),
                new TodoEntry(LocalDate.of(2023, 12, 20), "Shopping"),
                new TodoEntry(LocalDate.of(2023, 12, 19), "Movies")))
                .updateEntry(2, entry -> entry.withTitle("Updated shopping"))
                .deleteEntry(3)
                .addEntry(new TodoEntry(LocalDate.of(2023, 12, 21), "Gym ✓ ünïcødé"));
        for (int n = 1; n <= 40; n++) {
            list = list.addEntry(new TodoEntry(LocalDate.of(2024, 1, 1).plusDays(n), "entry " + n));
        }
        return list;
    }

    @Test
    void javaReadsWhatTheBooksCodeWrote() throws Exception {
        Path file = folder.resolve("from_elixir");

        assertThat(elixir("write", file)).isEqualTo("written");

        assertThat(TermCodec.decode(Files.readAllBytes(file))).isEqualTo(sample());
    }

    @Test
    void theBooksCodeReadsWhatJavaWrote() throws Exception {
        var storage = new FileStorage(folder);
        storage.write("from_java", TermCodec.encode(sample()));

        assertThat(elixir("read", folder.resolve("from_java"))).isEqualTo("equal: true");
    }

    @Test
    void idsBeyond32BitsGoBothWays() throws Exception {
        Path file = folder.resolve("large_ids");
        assertThat(elixir("write-large-ids", file)).isEqualTo("written");

        TodoList fromElixir = TermCodec.decode(Files.readAllBytes(file));
        assertThat(fromElixir.nextId()).isEqualTo(Integer.MAX_VALUE);
        TodoList plusOne = fromElixir
                .addEntry(new TodoEntry(LocalDate.of(2023, 12, 20), "Added by Java"));
        assertThat(plusOne.nextId()).isEqualTo(1L << 31);
        Files.write(file, TermCodec.encode(plusOne));

        assertThat(elixir("read-large-ids", file)).isEqualTo("equal: true, same bytes: true");
    }

    static boolean elixirIsInstalled() {
        try {
            return new ProcessBuilder("elixir", "--version").redirectErrorStream(true).start()
                    .waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String elixir(String mode, Path file)
            throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(ElixirInteropTest.class.getResource("/elixir/interop.exs").toURI());
        Process process = new ProcessBuilder("elixir", script.toString(), mode, file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .strip();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().reduce((first, last) -> last).orElse("");
    }
}
