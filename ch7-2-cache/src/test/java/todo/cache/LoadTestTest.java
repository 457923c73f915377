package todo.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import sidebyside.SideBySide;
import sidebyside.SideBySide.Run;
import todo.cache.LoadTest.Options;

/** The load test's own behaviour on a small scale; its figures come from running it. */
class LoadTestTest {

    @Test
    void optionsDefaultToTheBooksMillionProcessesAndOneClient() {
        assertThat(Options.parse()).isEqualTo(new Options(1_000_000, 1));
        assertThat(Options.parse("")).isEqualTo(new Options(1_000_000, 1));
    }

    @Test
    void optionsArriveAsSeparateWords() {
        assertThat(Options.parse("--processes", "1_000", "--clients", "8"))
                .isEqualTo(new Options(1_000, 8));
    }

    @Test
    void optionsArriveAsOneMavenProperty() {
        assertThat(Options.parse("--processes 1000 --clients 8")).isEqualTo(new Options(1_000, 8));
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Options.parse("--clients", "0"))
                .hasMessage("--clients takes a positive whole number, not '0'");
        assertThatThrownBy(() -> Options.parse("--processes", "many"))
                .hasMessage("--processes takes a positive whole number, not 'many'");
        assertThatThrownBy(() -> Options.parse("--fast")).hasMessage("unknown option '--fast'");
        LoadTest.requireCarriers(null); // the JDK's default: a carrier per core
        LoadTest.requireCarriers("2");
        for (String bad : List.of("0", "-1", "", " 1", "two", "32768", "99999999999")) {
            assertThatThrownBy(() -> LoadTest.requireCarriers(bad))
                    .hasMessage("-Dload.carriers (the JDK's jdk.virtualThreadScheduler.parallelism)"
                            + " takes a whole number from 1 to 32767, not '" + bad + "'");
        }
    }

    @Test
    void vsElixirRunsTheBooksCommandOnTheTwinWithTheSameOptions() {
        var sideBySide = LoadTest.sideBySide(List.of("--processes", "1000", "--clients", "64"), 3);

        assertThat(sideBySide.rounds()).isEqualTo(3);
        assertThat(sideBySide.javaCommand()).containsSubsequence("todo.cache.LoadTest",
                "--processes", "1000", "--clients", "64");
        assertThat(sideBySide.elixirCommand()).containsExactly("--erl", "+P 2000000",
                LoadTest.elixirTwin().toString(), "--processes", "1000", "--clients", "64");
        assertThat(LoadTest.elixirTwin()).isRegularFile();
    }

    @Test
    void vsElixirGivesTheBeamAsManySchedulersAsTheJvmHasCarriers() {
        var sideBySide = LoadTest.sideBySide(List.of("--clients", "64"), 3, "1");

        assertThat(sideBySide.elixirCommand()).containsExactly("--erl", "+P 2000000 +S 1",
                LoadTest.elixirTwin().toString(), "--clients", "64");
    }

    @Test
    void theTwinsPrintEveryFigureInTheSameWords() {
        var javaLines = List.of("average put 4.29 µs", "average get 1.92 µs",
                "peak RSS with 1,000,000 servers: 1,519 MB",
                "requests/second through one cache, 64 clients: 608,492",
                "bare round trip between two processes 0.95 µs",
                "bare round trips/second, 64 clients of one process: 1,073,481");
        var elixirLines = List.of("average put 12.932639 µs", "average get 2.937836 µs",
                "peak RSS with 1,000,000 servers: 3,068 MB",
                "requests/second through one cache, 64 clients: 394,401",
                "bare round trip between two processes 1.48 µs",
                "bare round trips/second, 64 clients of one process: 453,331");

        for (int i = 0; i < LoadTest.figures().size(); i++) {
            var pattern = LoadTest.figures().get(i).pattern();
            assertThat(javaLines.get(i)).containsPattern(pattern);
            assertThat(elixirLines.get(i)).containsPattern(pattern);
        }
    }

    @Test
    void aSmallRunPrintsItsProgress() throws InterruptedException {
        var progress = new ByteArrayOutputStream();

        LoadTest.run(new Options(2_000, 4),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("put 2,000 of 2,000",
                "get 2,000 of 2,000");
    }

    @Test
    void aSmallRunPrintsTheBooksLines() throws InterruptedException {
        var out = new ByteArrayOutputStream();

        var report = LoadTest.run(new Options(2_000, 4),
                new PrintStream(OutputStream.nullOutputStream()));
        LoadTest.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .anyMatch(line -> line.matches("average put \\d+\\.\\d\\d µs"))
                .anyMatch(line -> line.matches("average get \\d+\\.\\d\\d µs"))
                .anyMatch(line -> line.startsWith("requests/second through one cache, 4 clients: "))
                .anyMatch(line -> line.startsWith("memory held by 2,000 processes: "))
                .anyMatch(line -> line.matches("peak RSS with 2,000 servers: [0-9,]+ MB"))
                .anyMatch(line -> line
                        .matches("bare round trip between two processes \\d+\\.\\d\\d µs"))
                .anyMatch(line -> line.startsWith(
                        "bare round trips/second, 4 clients of one process: "));
    }

    @Test
    void aSmallRunMeasuresTheThroughput() throws InterruptedException {
        var report = LoadTest.run(new Options(2_000, 4),
                new PrintStream(OutputStream.nullOutputStream()));

        assertThat(report.concurrentGetsPerSecond()).isPositive();
        assertThat(report.bareRoundTripMicros()).isPositive().isFinite();
        assertThat(report.bareRoundTripsPerSecond()).isPositive().isFinite();
    }

    @Test
    void afterTheTableEachRuntimesGetIsSetAgainstItsOwnBareRoundTrip() {
        var out = new ByteArrayOutputStream();
        var outcome = new SideBySide.Outcome(
                List.of(new Run(new double[]{4.0, 1.6, 900, 600_000, 0.8, 1_200_000})),
                List.of(new Run(new double[]{12.0, 4.5, 3000, 300_000, 1.5, 500_000})), true);

        LoadTest.printOverTheFloor(outcome, 64, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "a get takes 2.00x a bare round trip in Java, 3.00x in Elixir",
                "64 clients get 50 % of the bare round trips per second in Java, 60 % in Elixir");
    }

    @Test
    void withoutElixirOnlyJavasGetIsSetAgainstItsFloor() {
        var out = new ByteArrayOutputStream();
        var outcome = new SideBySide.Outcome(
                List.of(new Run(new double[]{4.0, 1.8, 900, Double.NaN, 0.9, Double.NaN})),
                List.of(), true);

        LoadTest.printOverTheFloor(outcome, 1, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("a get takes 2.00x a bare round trip in Java");
    }

    @Test
    void vsElixirNeedsAConcurrentPhaseToCompare() {
        assertThatThrownBy(() -> LoadTest.requireClientsToCompare(3, Options.parse("--clients 1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--vs-elixir compares"
                        + " the concurrent gets too, so it needs --clients of at least 2, not 1");
        LoadTest.requireClientsToCompare(3, Options.parse("--clients 2"));
        LoadTest.requireClientsToCompare(0, Options.parse("--clients 1"));
    }

    @Test
    void eachRuntimesGetIsSetAgainstItsFloorRoundByRound() {
        var out = new ByteArrayOutputStream();
        var outcome = new SideBySide.Outcome(
                List.of(new Run(new double[]{4, 1.0, 900, 500_000, 1.0, 1_000_000}),
                        new Run(new double[]{4, 3.0, 900, 500_000, 1.0, 1_000_000}),
                        new Run(new double[]{4, 1.2, 900, 500_000, 2.0, 1_000_000})),
                List.of(), true);

        LoadTest.printOverTheFloor(outcome, 64, new PrintStream(out, true, StandardCharsets.UTF_8));

        // Per round 1.0, 3.0 and 0.6: their median, not 1.2 (the median get) / 1.0 (the median floor).
        assertThat(out.toString(StandardCharsets.UTF_8).lines().findFirst())
                .hasValue("a get takes 1.00x a bare round trip in Java");
    }

    @Test
    @EnabledIf("sidebyside.SideBySide#elixirInstalled")
    void theElixirTwinPrintsEveryFigureTheTableReads() throws IOException, InterruptedException {
        String output = SideBySide.elixirOutput("src/elixir/load_test.exs", "--processes", "200",
                "--clients", "4");

        for (var figure : LoadTest.figures()) {
            assertThat(figure.find(output)).as(figure.name() + " in " + output).isPresent();
        }
    }
}
