package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import todo.persistence.codec.TermCodec;

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

    /** The list of {@code n} entries that {@code interop.exs} builds as {@code numbered.(n)}. */
    static TodoList numbered(int n) {
        TodoList list = TodoList.empty();
        for (int i = 1; i <= n; i++) {
            list = list.addEntry(
                    new TodoEntry(LocalDate.of(2024, 1, 1).plusDays(i), "entry " + i + " ✓"));
        }
        return list;
    }

    /**
     * What TermCodec's class comment claims: up to 32 entries, every map is one OTP keeps flat and
     * writes in term order, so the bytes are the book's; from 33 on, OTP writes the entries in
     * the order of its internal hash and Java in id order, so the bytes differ but Elixir reads
     * an equal term.
     */
    @Test
    void upTo32EntriesTheBytesAreOtpsAndBeyondAnEqualTerm() throws Exception {
        int[] sizes = {0, 1, 2, 31, 32, 33, 40, 100};
        for (int n : sizes) {
            Files.write(folder.resolve("entries-" + n), TermCodec.encode(numbered(n)));
        }

        assertThat(elixir("same-bytes", folder)).isEqualTo(
                "0:true/true 1:true/true 2:true/true 31:true/true 32:true/true 33:true/false"
                        + " 40:true/false 100:true/false");
    }

    /**
     * The lists of {@code TermCodecTest.listsTheBooksCodeMakesThatATodoListCannotHold} are what the
     * book's code writes today, and each is refused, not read into something else.
     */
    @Test
    void listsTheBooksCodeMakesThatATodoListCannotHoldAreRefused() throws Exception {
        assertThat(elixir("write-book-cases", folder)).isEqualTo("written");

        for (String name : List.of("changed-id", "extra-key", "not-utf8", "charlist")) {
            byte[] fromElixir = Files.readAllBytes(folder.resolve(name));
            assertThat(fromElixir).as(name).isEqualTo(TermCodecTest.bookList(name));
            assertThatThrownBy(() -> TermCodec.decode(fromElixir)).as(name)
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining("the list is not read");
        }
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
