package pekkotwin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import sidebyside.Figure;

class PersistenceTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Persistence.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheJavaTwinsEntriesPerSecondLine() throws Exception {
        assertThat(run("--lists 4 --entries 5 --no-cap")).isZero();

        String output = out.toString(StandardCharsets.UTF_8);
        Figure entriesPerSecond = Persistence.figures().get(0);
        assertThat(entriesPerSecond.find(output)).as(output).isPresent();
        assertThat(entriesPerSecond.find(output).getAsDouble()).isPositive();
    }

    @Test
    void storesEveryEntry() throws Exception {
        assertThat(run("--lists 4 --entries 5 --no-cap")).isZero();

        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("20 entries in ").doesNotContain("lost")
                .containsPattern("(?m)^ +\\d+ ms  mailbox +0  $");
    }

    @Test
    void leavesNoFolderBehind() throws Exception {
        assertThat(run("--lists 2 --entries 2 --no-cap")).isZero();

        Matcher folder = Pattern.compile("lists in (.+) \\(removed at the end\\)")
                .matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(folder.find()).isTrue();
        assertThat(Files.exists(Path.of(folder.group(1)))).isFalse();
    }

    @Test
    void aBadOptionIsOneLineAndAUsage() throws Exception {
        assertThat(run("--lists", "x")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(
                "Persistence: --lists takes a positive whole number, not 'x'")
                .contains("usage: Persistence");
    }
}
