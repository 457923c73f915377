package sidebyside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import sidebyside.CacheLoad.Options;
import sidebyside.SideBySide.Run;

/** The load test's own behaviour on a small scale; its figures come from running it. */
class CacheLoadTest {

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
        assertThatThrownBy(() -> Options.parse("--clients"))
                .hasMessage("--clients needs a number after it");
        assertThatThrownBy(() -> Options.parse("--processes 10 --clients 11"))
                .hasMessage("--clients 11 is more than the 10 names there are to ask for"
                        + " (--processes)");
        CacheLoad.requireCarriers(null); // the JDK's default: a carrier per core
        CacheLoad.requireCarriers("2");
        for (String bad : List.of("0", "-1", "", " 1", "two", "32768", "99999999999")) {
            assertThatThrownBy(() -> CacheLoad.requireCarriers(bad))
                    .hasMessage("-Dload.carriers (the JDK's jdk.virtualThreadScheduler.parallelism)"
                            + " takes a whole number from 1 to 32767, not '" + bad + "'");
        }
    }

    @Test
    void vsElixirRunsTheBooksCommandOnTheTwinWithTheSameOptions() {
        var sideBySide = CacheLoad.sideBySide(List.of("--processes", "1000", "--clients", "64"), 3);

        assertThat(sideBySide.rounds()).isEqualTo(3);
        assertThat(sideBySide.javaCommand()).containsSubsequence("sidebyside.CacheLoad",
                "--processes", "1000", "--clients", "64");
        assertThat(sideBySide.elixirCommand()).containsExactly("--erl", "+P 2000000",
                CacheLoad.elixirTwin().toString(), "--processes", "1000", "--clients", "64");
        assertThat(CacheLoad.elixirTwin()).isRegularFile();
    }

    @Test
    void vsPekkoRunsThePekkoTwinWithTheSameOptionsAndAsManyThreadsAsTheJvmHasCarriers() {
        var options = List.of("--processes", "1000", "--clients", "64");

        var sideBySide = CacheLoad.withPekko(CacheLoad.sideBySide(options, 3), options, "1");

        assertThat(sideBySide.title()).endsWith("Java / Elixir / Pekko");
        assertThat(sideBySide.pekkoCommand()).containsSubsequence("-Dpekko.parallelism=1",
                "pekkotwin.LoadTest", "--processes", "1000", "--clients", "64");
        assertThat(sideBySide.figures()).extracting(Figure::name).containsExactly(
                "average put", "average get", "peak RSS", "gets/s, concurrent clients",
                "gets/s, concurrent clients, 16 calls in flight each", "bare round trip",
                "bare round trips/s, concurrent clients",
                "gets/s, concurrent client actors");
        assertThat(CacheLoad.ACTOR_CLIENTS.everyTwin()).isFalse();
    }

    @Test
    void withPekkoEachRuntimesGetIsSetAgainstItsOwnBareRoundTrip() {
        var out = new ByteArrayOutputStream();
        var outcome = new SideBySide.Outcome(
                List.of(new Run(new double[]{4.0, 1.6, 900, 600_000, 1_800_000, 0.8, 1_200_000})),
                List.of(new Run(new double[]{12.0, 4.5, 3000, 300_000, 900_000, 1.5, 500_000})),
                List.of(new Run(new double[]{6.0, 5.0, 1000, 400_000, 1_200_000, 2.0, 1_600_000})),
                true);

        CacheLoad.printOverTheFloor(outcome, 64,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "a get takes 2.00x a bare round trip in Java, 3.00x in Elixir, 2.50x in Pekko",
                "64 clients get 50 % of the bare round trips per second in Java, 60 % in Elixir,"
                        + " 25 % in Pekko");
    }

    @Test
    void vsElixirGivesTheBeamAsManySchedulersAsTheJvmHasCarriers() {
        var sideBySide = CacheLoad.sideBySide(List.of("--clients", "64"), 3, "1");

        assertThat(sideBySide.elixirCommand()).containsExactly("--erl", "+P 2000000 +S 1",
                CacheLoad.elixirTwin().toString(), "--clients", "64");
    }

    @Test
    void vsElixirRunsTheBeamOnItsDefaultSchedulersAndOnOneInEveryRound() {
        var options = List.of("--clients", "64");
        String twin = CacheLoad.elixirTwin().toString();

        var oneCarrier = CacheLoad.sideBySide(options, 3, "1", 2);
        assertThat(oneCarrier.twins()).extracting(SideBySide.Twin::label).containsExactly("Java",
                "Elixir (+S 1)", "Elixir (default schedulers, 2)");
        assertThat(oneCarrier.twins().get(1).command()).containsExactly("--erl",
                "+P 2000000 +S 1", twin, "--clients", "64");
        assertThat(oneCarrier.twins().get(2).command()).containsExactly("--erl", "+P 2000000",
                twin, "--clients", "64");
        assertThat(oneCarrier.twins()).extracting(SideBySide.Twin::onBeam)
                .containsExactly(false, true, true);

        assertThat(CacheLoad.sideBySide(options, 3, null, 4).twins())
                .extracting(SideBySide.Twin::label)
                .containsExactly("Java", "Elixir (default schedulers, 4)", "Elixir (+S 1)");
        assertThat(CacheLoad.sideBySide(options, 3, "2", 2).twins())
                .extracting(SideBySide.Twin::label)
                .containsExactly("Java", "Elixir (+S 2, as by default)", "Elixir (+S 1)");
        assertThat(CacheLoad.sideBySide(options, 3, "3", 2).twins())
                .extracting(SideBySide.Twin::label).containsExactly("Java", "Elixir (+S 3)",
                        "Elixir (default schedulers, 2)", "Elixir (+S 1)");
        // One core: the default is +S 1, one row.
        assertThat(CacheLoad.sideBySide(options, 3, "1", 1).twins())
                .extracting(SideBySide.Twin::label)
                .containsExactly("Java", "Elixir (+S 1, as by default)");

        var withPekko = CacheLoad.withPekko(oneCarrier, options, "1");
        assertThat(withPekko.twins()).extracting(SideBySide.Twin::label).containsExactly("Java",
                "Elixir (+S 1)", "Elixir (default schedulers, 2)", "Pekko");
    }

    @Test
    void theTableWithBothBeamSettingsAndPekkoFitsInAHundredColumns() {
        var options = List.of("--processes", "1000000", "--clients", "64");
        var sideBySide = CacheLoad.withPekko(CacheLoad.sideBySide(options, 3, "1", 2), options,
                "1");
        var java = new Run(
                new double[]{4.29, 1.92, 1_519, 608_492, 1_825_476, 0.95, 1_073_481, Double.NaN});
        var elixir = new Run(
                new double[]{12.9, 2.94, 3_068, 394_401, 1_183_203, 1.48, 453_331, Double.NaN});
        var pekko = new Run(
                new double[]{6.0, 5.0, 1_000, 400_000, 1_200_000, 2.0, 1_600_000, 1_900_000});
        var outcome = new SideBySide.Outcome(List.of(
                new SideBySide.Side("Java", false, List.of(java, java, java)),
                new SideBySide.Side("Elixir (+S 1)", true, List.of(elixir, elixir, elixir)),
                new SideBySide.Side("Elixir (default schedulers, 2)", true,
                        List.of(elixir, elixir, elixir)),
                new SideBySide.Side("Pekko", false, List.of(pekko, pekko, pekko))), true);
        var out = new ByteArrayOutputStream();

        sideBySide.print(new PrintStream(out, true, StandardCharsets.UTF_8), outcome);
        CacheLoad.printOverTheFloor(outcome, 64,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length())
                .as(line).isLessThanOrEqualTo(100));
        assertThat(table).contains("  average get (µs)\n"
                + "    Java                            1.92 1.92 1.92   median 1.92\n"
                + "    Elixir (+S 1)                   2.94 2.94 2.94   median 2.94\n"
                + "    Elixir (default schedulers, 2)  2.94 2.94 2.94   median 2.94\n"
                + "    Pekko                           5.00 5.00 5.00   median 5.00\n"
                + "    Java / Elixir (+S 1) per round 0.65 0.65 0.65   median 0.65"
                + " (Java 1.53x better)\n"
                + "    Java / Elixir (default schedulers, 2) per round 0.65 0.65 0.65   median 0.65"
                + " (Java 1.53x better)\n"
                + "    Java / Pekko per round 0.38 0.38 0.38   median 0.38 (Java 2.60x better)\n");
        assertThat(table).endsWith(
                "a get takes 2.02x a bare round trip in Java, 1.99x in Elixir (+S 1),\n"
                        + "  1.99x in Elixir (default schedulers, 2), 2.50x in Pekko\n"
                        + "64 clients get 57 % of the bare round trips per second in Java,"
                        + " 87 % in Elixir (+S 1),\n"
                        + "  87 % in Elixir (default schedulers, 2), 25 % in Pekko\n");
    }

    @Test
    void theTwinsPrintEveryFigureInTheSameWords() {
        var javaLines = List.of("average put 4.29 µs", "average get 1.92 µs",
                "peak RSS with 1,000,000 servers: 1,519 MB",
                "requests/second through one cache, 64 clients: 608,492",
                "requests/second through one cache, 64 clients with 16 calls in flight each:"
                        + " 1,825,476",
                "bare round trip between two processes 0.95 µs",
                "bare round trips/second, 64 clients of one process: 1,073,481");
        var elixirLines = List.of("average put 12.932639 µs", "average get 2.937836 µs",
                "peak RSS with 1,000,000 servers: 3,068 MB",
                "requests/second through one cache, 64 clients: 394,401",
                "requests/second through one cache, 64 clients with 16 calls in flight each:"
                        + " 1,183,203",
                "bare round trip between two processes 1.48 µs",
                "bare round trips/second, 64 clients of one process: 453,331");

        for (int i = 0; i < CacheLoad.figures().size(); i++) {
            var pattern = CacheLoad.figures().get(i).pattern();
            assertThat(javaLines.get(i)).containsPattern(pattern);
            assertThat(elixirLines.get(i)).containsPattern(pattern);
        }
    }

    @Test
    void aSmallRunPrintsEveryFigureTheTableReads() throws InterruptedException {
        var progress = new ByteArrayOutputStream();
        var out = new ByteArrayOutputStream();

        var report = CacheLoad.run(new Options(2_000, 4),
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        CacheLoad.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("put 2,000 of 2,000",
                "get 2,000 of 2,000");
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .anyMatch(line -> line.matches("average put \\d+\\.\\d\\d µs"))
                .anyMatch(line -> line.matches("average get \\d+\\.\\d\\d µs"))
                .anyMatch(line -> line.startsWith("requests/second through one cache, 4 clients: "))
                .anyMatch(line -> line.startsWith("requests/second through one cache, 4 clients"
                        + " with 16 calls in flight each: "))
                .anyMatch(line -> line.startsWith("memory held by 2,000 processes: "))
                .anyMatch(line -> line.matches("peak RSS with 2,000 servers: [0-9,]+ MB"))
                .anyMatch(line -> line
                        .matches("bare round trip between two processes \\d+\\.\\d\\d µs"))
                .anyMatch(line -> line.startsWith(
                        "bare round trips/second, 4 clients of one process: "));
        assertThat(report.concurrentGetsPerSecond()).isPositive();
        assertThat(report.pipelinedGetsPerSecond()).isPositive().isFinite();
        assertThat(report.bareRoundTripMicros()).isPositive().isFinite();
        assertThat(report.bareRoundTripsPerSecond()).isPositive().isFinite();
    }

    @Test
    void afterTheTableEachRuntimesGetIsSetAgainstItsOwnBareRoundTrip() {
        var out = new ByteArrayOutputStream();
        var outcome = new SideBySide.Outcome(
                List.of(new Run(new double[]{4.0, 1.6, 900, 600_000, 1_800_000, 0.8, 1_200_000})),
                List.of(new Run(new double[]{12.0, 4.5, 3000, 300_000, 900_000, 1.5, 500_000})),
                true);

        CacheLoad.printOverTheFloor(outcome, 64,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "a get takes 2.00x a bare round trip in Java, 3.00x in Elixir",
                "64 clients get 50 % of the bare round trips per second in Java, 60 % in Elixir");
    }

    @Test
    void withoutElixirOnlyJavasGetIsSetAgainstItsFloor() {
        var out = new ByteArrayOutputStream();
        var outcome = new SideBySide.Outcome(
                List.of(new Run(
                        new double[]{4.0, 1.8, 900, Double.NaN, Double.NaN, 0.9, Double.NaN})),
                List.of(), true);

        CacheLoad.printOverTheFloor(outcome, 1, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("a get takes 2.00x a bare round trip in Java");
    }

    @Test
    void vsElixirNeedsAConcurrentPhaseToCompare() {
        assertThatThrownBy(() -> CacheLoad.requireClientsToCompare(3, Options.parse("--clients 1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--vs-elixir compares"
                        + " the concurrent gets too, so it needs --clients of at least 2, not 1");
        CacheLoad.requireClientsToCompare(3, Options.parse("--clients 2"));
        CacheLoad.requireClientsToCompare(0, Options.parse("--clients 1"));
    }

    @Test
    void eachRuntimesGetIsSetAgainstItsFloorRoundByRound() {
        var out = new ByteArrayOutputStream();
        var outcome = new SideBySide.Outcome(
                List.of(new Run(new double[]{4, 1.0, 900, 500_000, 1_500_000, 1.0, 1_000_000}),
                        new Run(new double[]{4, 3.0, 900, 500_000, 1_500_000, 1.0, 1_000_000}),
                        new Run(new double[]{4, 1.2, 900, 500_000, 1_500_000, 2.0, 1_000_000})),
                List.of(), true);

        CacheLoad.printOverTheFloor(outcome, 64,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        // Per round 1.0, 3.0 and 0.6: their median, not 1.2 (the median get) / 1.0 (the median floor).
        assertThat(out.toString(StandardCharsets.UTF_8).lines().findFirst())
                .hasValue("a get takes 1.00x a bare round trip in Java");
    }

    @Test
    @EnabledIf("sidebyside.SideBySide#elixirInstalled")
    void theElixirTwinRefusesWhatTheJavaTwinRefusesInOneLine() {
        assertThatThrownBy(() -> SideBySide.elixirOutput("../ch7-2-cache/src/elixir/load_test.exs",
                "--processes", "200", "--clients", "3000"))
                .hasMessageContaining("exited with status 2")
                .hasMessageContaining("--clients 3000 is more than the 200 names")
                .hasMessageNotContaining("average put")
                .hasMessageNotContaining("** (");
        assertThatThrownBy(() -> SideBySide.elixirOutput("../ch7-2-cache/src/elixir/load_test.exs",
                "--processes", "-5"))
                .hasMessageContaining("--processes takes a positive whole number, not '-5'");
    }

    @Test
    @EnabledIf("sidebyside.SideBySide#elixirInstalled")
    void theElixirTwinPrintsEveryFigureTheTableReads() throws IOException, InterruptedException {
        String output = SideBySide.elixirOutput("../ch7-2-cache/src/elixir/load_test.exs",
                "--processes", "200",
                "--clients", "4");

        for (var figure : CacheLoad.figures()) {
            assertThat(figure.find(output)).as(figure.name() + " in " + output).isPresent();
        }
    }
}
