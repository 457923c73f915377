package todo.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The book's load test on a small scale; its figures come from running it. */
class LoadTestTest {

    @Test
    void aSmallRunPrintsTheBooksLines() throws InterruptedException {
        var progress = new ByteArrayOutputStream();
        var out = new ByteArrayOutputStream();

        LoadTest.run(2_000, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("put 2,000 of 2,000",
                "get 2,000 of 2,000");
        var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.subList(0, 2)).satisfiesExactly(
                put -> assertThat(put).matches("average put \\d+\\.\\d\\d µs"),
                get -> assertThat(get).matches("average get \\d+\\.\\d\\d µs"));
        // Where Linux tells the peak resident memory, it is the third line.
        assertThat(lines.subList(2, lines.size()))
                .allMatch(line -> line.matches("peak RSS with 2,000 servers: [0-9,]+ MB"));
    }
}
