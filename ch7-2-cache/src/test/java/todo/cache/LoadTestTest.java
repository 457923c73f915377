package todo.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import todo.cache.LoadTest.Options;

/** The load test's own behaviour on a small scale; its figures come from running it. */
class LoadTestTest {

    @Test
    void optionsDefaultToTheBooksMillionProcessesAndOneClient() {
        assertThat(Options.parse()).isEqualTo(new Options(1_000_000, 1));
        assertThat(Options.parse("")).isEqualTo(new Options(1_000_000, 1));
    }

    @Test
    void optionsArriveAsSeparateWordsOrAsOneMavenProperty() {
        assertThat(Options.parse("--processes", "1_000", "--clients", "8"))
                .isEqualTo(new Options(1_000, 8));
        assertThat(Options.parse("--processes 1000 --clients 8")).isEqualTo(new Options(1_000, 8));
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Options.parse("--clients", "0"))
                .hasMessage("--clients takes a positive whole number, not '0'");
        assertThatThrownBy(() -> Options.parse("--processes", "many"))
                .hasMessage("--processes takes a positive whole number, not 'many'");
        assertThatThrownBy(() -> Options.parse("--fast")).hasMessage("unknown option '--fast'");
    }

    @Test
    void aSmallRunPrintsTheBooksLinesAndTheThroughput() throws InterruptedException {
        var progress = new ByteArrayOutputStream();
        var out = new ByteArrayOutputStream();

        var report = LoadTest.run(new Options(2_000, 4),
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        LoadTest.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("put 2,000 of 2,000",
                "get 2,000 of 2,000");
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .anyMatch(line -> line.matches("average put \\d+\\.\\d\\d µs"))
                .anyMatch(line -> line.matches("average get \\d+\\.\\d\\d µs"))
                .anyMatch(line -> line.startsWith("requests/second through one cache, 4 clients: "))
                .anyMatch(line -> line.startsWith("memory held by 2,000 processes: "));
        assertThat(report.concurrentGetsPerSecond()).isPositive();
    }
}
