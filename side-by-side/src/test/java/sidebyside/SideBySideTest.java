package sidebyside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideTest {

    @Test
    void findsTheFigureInTheFirstMatchingLine() {
        var put = Figure.lowerIsBetter("average put", "µs", "average put ([0-9.,]+) µs");
        assertThat(put.find("starting\naverage put 3.970946 µs\naverage put 9 µs\n"))
                .hasValue(3.970946);
        assertThat(put.find("average get 1.0 µs")).isEmpty();
    }

    @Test
    void readsThousandsSeparators() {
        var rate = Figure.higherIsBetter("rate", "entries/s", "([0-9,]+) entries/s");
        assertThat(rate.find("3,269 entries/s")).hasValue(3269);
    }

    @Test
    void theMedianSkipsMissingRuns() {
        assertThat(SideBySide.median(new double[]{3, 1, 2})).isEqualTo(2);
        assertThat(SideBySide.median(new double[]{4, 1, Double.NaN})).isEqualTo(2.5);
        assertThat(SideBySide.median(new double[]{Double.NaN})).isNaN();
    }

    @Test
    void theOptionTakesAnOptionalRoundCount() {
        assertThat(SideBySide.roundsAskedFor(List.of("--clients", "64"))).isZero();
        assertThat(SideBySide.roundsAskedFor(List.of("--vs-elixir"))).isEqualTo(3);
        assertThat(SideBySide.roundsAskedFor(List.of("--vs-elixir", "5", "--clients", "64")))
                .isEqualTo(5);
        assertThat(SideBySide.withoutOption(List.of("--vs-elixir", "5", "--clients", "64")))
                .containsExactly("--clients", "64");
        assertThatThrownBy(() -> SideBySide.roundsAskedFor(List.of("--vs-elixir", "0")))
                .hasMessage("--vs-elixir takes from 1 to 9999 rounds, not 0");
        assertThatThrownBy(() -> SideBySide.roundsAskedFor(List.of("--vs-elixir", "99999999999")))
                .hasMessage("--vs-elixir takes from 1 to 9999 rounds, not 99999999999");
    }

    /** A side-by-side whose two programs both fail. */
    private static SideBySide failing() {
        var figure = Figure.lowerIsBetter("time", "ms", "took ([0-9.]+) ms");
        return new SideBySide("nothing", List.of("no.such.Main"), List.of("-e", "exit(1)"),
                List.of(figure), 1);
    }

    @Test
    void aRunThatFailsIsReported() {
        var log = new java.io.ByteArrayOutputStream();
        boolean ok = failing().run(new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(log, true));
        assertThat(ok).isFalse();
        assertThat(log.toString()).contains("exited with status");
    }

    @Test
    void theTableStillPrintsAfterARunThatFails() {
        var out = new java.io.ByteArrayOutputStream();
        failing().run(new java.io.PrintStream(out, true),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
        assertThat(out.toString()).contains("nothing (1 round, run alternately)", "time (ms)");
    }

    @Test
    void theOutcomeGivesTheMediansOfEachSide() {
        var figure = Figure.lowerIsBetter("time", "ms", "took ([0-9.]+) ms");
        var bench = new SideBySide("printing", List.of(PrintsAFigure.class.getName()),
                List.of("-e", "IO.puts(\"took 7 ms\")"), List.of(figure), 1);
        var outcome = bench.measure(new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.javaMedian(0)).isEqualTo(5);
        if (SideBySide.elixirInstalled()) {
            assertThat(outcome.elixirMedian(0)).isEqualTo(7);
        } else {
            assertThat(outcome.elixirMedian(0)).isNaN();
        }
    }

    @Test
    void theTableEndsWithTheMachinesCoreToCoreRoundTripAroundEachRun() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two processors");
        var out = new java.io.ByteArrayOutputStream();
        var log = new java.io.ByteArrayOutputStream();
        var figure = Figure.lowerIsBetter("time", "ms", "took ([0-9.]+) ms");
        var bench = new SideBySide("printing", List.of(PrintsAFigure.class.getName()),
                List.of("-e", "IO.puts(\"took 7 ms\")"), List.of(figure), 2);

        var outcome = bench.measure(new java.io.PrintStream(out, true),
                new java.io.PrintStream(log, true));

        for (SideBySide.Run run : outcome.java()) {
            assertThat(run.coreToCoreBefore()).isPositive().isFinite();
            assertThat(run.coreToCoreAfter()).isPositive().isFinite();
        }
        String table = out.toString();
        assertThat(table.substring(table.indexOf("time (ms)")))
                .contains("  the machine: core-to-core round trip before/after each run (ns)\n")
                .containsPattern("\n    Java    \\d+/\\d+ \\d+/\\d+\n");
        assertThat(log.toString())
                .containsPattern("core-to-core round trip before and after the run: \\d+/\\d+ ns");
    }

    @Test
    void vsPekkoIsAnOptionOfItsOwnThatNamesNothingElse() {
        assertThat(SideBySide.pekkoAskedFor(List.of("--vs-elixir", "3"))).isFalse();
        assertThat(SideBySide.pekkoAskedFor(List.of("--vs", "pekko", "--clients", "64"))).isTrue();
        assertThat(SideBySide.withoutOption(List.of("--vs", "pekko", "--vs-elixir", "5",
                "--clients", "64"))).containsExactly("--clients", "64");
        assertThatThrownBy(() -> SideBySide.pekkoAskedFor(List.of("--vs", "akka")))
                .hasMessage("--vs takes pekko (the Pekko twin as a third column), not 'akka'");
        assertThatThrownBy(() -> SideBySide.pekkoAskedFor(List.of("--vs")))
                .hasMessage("--vs takes pekko (the Pekko twin as a third column), not ''");
    }

    @Test
    void thePekkoTwinRunsInEveryRoundAsAThirdColumn() {
        var out = new java.io.ByteArrayOutputStream();
        var log = new java.io.ByteArrayOutputStream();
        var time = Figure.lowerIsBetter("time", "ms", "took ([0-9.]+) ms");
        var actors = Figure.higherIsBetter("actors", "/s", "actors ([0-9.]+)/s").onlySomeTwins();
        var bench = new SideBySide("printing: Java / Elixir",
                List.of(PrintsAFigure.class.getName()),
                List.of("-e", "IO.puts(\"took 7 ms\")"), List.of(time), 2)
                .withPekko(List.of(PrintsAnotherFigure.class.getName()), List.of(time, actors));

        var outcome = bench.measure(new java.io.PrintStream(out, true),
                new java.io.PrintStream(log, true));

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.pekko()).hasSize(2);
        assertThat(outcome.pekkoMedian(0)).isEqualTo(10);
        assertThat(outcome.pekkoMedian(1)).isEqualTo(4);
        assertThat(outcome.javaMedian(1)).isNaN();
        assertThat(log.toString()).contains("-- round 2 of 2: Pekko").doesNotContain("printed no");
        assertThat(out.toString()).contains("printing: Java / Elixir / Pekko (2 rounds",
                "    Pekko   10.0 10.0   median 10.0",
                "    Java / Pekko per round 0.50 0.50   median 0.50 (Java 2.00x better)",
                "  actors (/s)\n    Java    - -   median -\n")
                .doesNotContain("(no figure)");
    }

    @Test
    void eachTwinOfTheListRunsInEveryRoundAsARowAndARatioLineOfItsOwn() {
        var out = new java.io.ByteArrayOutputStream();
        var log = new java.io.ByteArrayOutputStream();
        var time = Figure.lowerIsBetter("time", "ms", "took ([0-9.]+) ms");
        var bench = new SideBySide("printing: Java / twins", List.of(
                SideBySide.Twin.java("Java", List.of(PrintsAFigure.class.getName())),
                SideBySide.Twin.java("Twin (a long label)",
                        List.of(PrintsAnotherFigure.class.getName())),
                SideBySide.Twin.java("Twin (short)", List.of(PrintsAFigure.class.getName()))),
                List.of(time), 2);

        var outcome = bench.measure(new java.io.PrintStream(out, true),
                new java.io.PrintStream(log, true));

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.sides()).extracting(SideBySide.Side::label)
                .containsExactly("Java", "Twin (a long label)", "Twin (short)");
        assertThat(outcome.sides().get(1).runs()).hasSize(2);
        assertThat(log.toString().lines().filter(line -> line.startsWith("-- round")))
                .containsExactly("-- round 1 of 2: Java", "-- round 1 of 2: Twin (a long label)",
                        "-- round 1 of 2: Twin (short)", "-- round 2 of 2: Java",
                        "-- round 2 of 2: Twin (a long label)", "-- round 2 of 2: Twin (short)");
        assertThat(out.toString()).contains(
                "  time (ms)\n"
                        + "    Java                 5.00 5.00   median 5.00\n"
                        + "    Twin (a long label)  10.0 10.0   median 10.0\n"
                        + "    Twin (short)         5.00 5.00   median 5.00\n"
                        + "    Java / Twin (a long label) per round 0.50 0.50   median 0.50"
                        + " (Java 2.00x better)\n"
                        + "    Java / Twin (short) per round 1.00 1.00   median 1.00"
                        + " (Java 1.00x worse)\n");
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledIf("sidebyside.SideBySide#elixirInstalled")
    void twoElixirTwinsRunEachWithItsOwnArguments() {
        var out = new java.io.ByteArrayOutputStream();
        var time = Figure.lowerIsBetter("time", "ms", "took ([0-9.]+) ms");
        var bench = new SideBySide("printing: Java / Elixir",
                List.of(PrintsAFigure.class.getName()),
                List.of("-e", "IO.puts(\"took 7 ms\")"), List.of(time), 1)
                .with(SideBySide.Twin.elixir("Elixir (other)",
                        List.of("-e", "IO.puts(\"took 20 ms\")")));

        var outcome = bench.measure(new java.io.PrintStream(out, true),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()));

        assertThat(outcome.elixirMedian(0)).isEqualTo(7);
        assertThat(SideBySide.median(new double[]{outcome.sides().get(2).runs().getFirst()
                .values()[0]})).isEqualTo(20);
        assertThat(out.toString()).contains("    Elixir (other)  20.0   median 20.0",
                "    Java / Elixir per round 0.71   median 0.71 (Java 1.40x better)",
                "    Java / Elixir (other) per round 0.25   median 0.25 (Java 4.00x better)");
    }

    @Test
    void aLineThatWouldPassAHundredColumnsPutsItsMedianOnTheNext() {
        var rate = Figure.higherIsBetter("rate", "/s", "([0-9,]+)/s");
        var bench = new SideBySide("wide: Java / Elixir", List.of(
                SideBySide.Twin.java("Java", List.of("Main")),
                SideBySide.Twin.elixir("Elixir (default schedulers, 2)", List.of("twin.exs"))),
                List.of(rate), 6);
        var java = new SideBySide.Run(new double[]{1_073_481});
        var elixir = new SideBySide.Run(new double[]{453_331});
        var outcome = new SideBySide.Outcome(List.of(
                new SideBySide.Side("Java", false, sixOf(java)),
                new SideBySide.Side("Elixir (default schedulers, 2)", true, sixOf(elixir))), true);
        var out = new java.io.ByteArrayOutputStream();

        bench.print(new java.io.PrintStream(out, true), outcome);

        assertThat(out.toString().lines()).allSatisfy(
                line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
        assertThat(out.toString()).contains("    Java / Elixir (default schedulers, 2) per round"
                + " 2.37 2.37 2.37 2.37 2.37 2.37\n"
                + "        median 2.37 (Java 2.37x better)\n",
                "    Java                            1,073,481 1,073,481 1,073,481 1,073,481"
                        + " 1,073,481 1,073,481\n        median 1,073,481\n");
    }

    private static List<SideBySide.Run> sixOf(SideBySide.Run run) {
        return java.util.Collections.nCopies(6, run);
    }

    /** The Java twin of {@link #theOutcomeGivesTheMediansOfEachSide}. */
    public static final class PrintsAFigure {
        public static void main(String[] args) {
            System.out.println("took 5 ms");
        }
    }

    /** The Pekko twin of {@link #thePekkoTwinRunsInEveryRoundAsAThirdColumn}. */
    public static final class PrintsAnotherFigure {
        public static void main(String[] args) {
            System.out.println("took 10 ms");
            System.out.println("actors 4/s");
        }
    }
}
