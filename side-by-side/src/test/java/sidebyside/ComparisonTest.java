package sidebyside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import todo.persistence.BottleneckDemo;
import todo.pooling.Design;
import todo.pooling.WriteMeter;

/** The comparison's table and chart, on two designs (the full run is a command, not a test). */
class ComparisonTest {
    @TempDir
    Path folder;

    /**
     * Every design's run ends once its last write has landed, however many writes that took
     * (design 5 drops superseded stores, designs 3 and 5 write an overtaken list again), and
     * leaves every entry on disk.
     */
    @ParameterizedTest
    @EnumSource(Design.class)
    @Timeout(60)
    void everyDesignsRunEndsWithEveryEntryOnDisk(Design design) throws Exception {
        Path lists = Files.createDirectory(folder.resolve(design.name()));

        var row = Comparison.run(design, lists, 10, 10, 1);

        assertThat(row.figures().lostEntries()).isZero();
        try (var restarted = design.start(lists)) {
            for (int l = 0; l < 10; l++) {
                assertThat(restarted.database().get("list " + l).size()).isEqualTo(10);
            }
        }
    }

    @Test
    void theWriteTimeIsAWholeNumberOfMillisecondsOneUnlessToldOtherwise() {
        assertThat(Comparison.writeMs(List.of())).isEqualTo(1);
        assertThat(Comparison.writeMs(List.of("--write-ms", "0"))).isZero();
        assertThatThrownBy(() -> Comparison.writeMs(List.of("--write-ms", "fast")))
                .hasMessage("--write-ms takes a whole number of milliseconds from 0, not 'fast'");
    }

    /** A mistyped option would run another benchmark than the one asked for: it is refused. */
    @Test
    void aWordThatIsNoOptionIsRefused() {
        Comparison
                .requireKnown(List.of("--write-ms", "0", "--single-and-pool", "--vs-elixir", "3"));
        Comparison.requireKnown(List.of("--vs-elixir", "--write-ms", "2"));
        assertThatThrownBy(() -> Comparison.requireKnown(List.of("--wirte-ms", "0")))
                .hasMessage("unknown option '--wirte-ms'");
        assertThatThrownBy(() -> Comparison.requireKnown(List.of("--single-and-pool", "now")))
                .hasMessage("unknown option 'now'");
    }

    /** The full run's workload made small, 10 writers x 10 entries, on designs 1 and 4. */
    private List<Comparison.Row> singleAndPooled() throws Exception {
        var single = Comparison.run(Design.SINGLE_PROCESS,
                Files.createDirectory(folder.resolve("1")), 10, 10, 0);
        var pooled = Comparison.run(Design.POOLED, Files.createDirectory(folder.resolve("4")), 10,
                10, 0);
        return List.of(single, pooled);
    }

    @Test
    void measuresEachDesign() throws Exception {
        var rows = singleAndPooled();
        var single = rows.get(0);
        var pooled = rows.get(1);

        assertThat(single.mostWritesAtOnce()).isEqualTo(1);
        assertThat(pooled.mostWritesAtOnce()).isBetween(1, 3);
        assertThat(single.figures().entries()).isEqualTo(100);
        assertThat(single.figures().lostEntries()).isZero();
        assertThat(pooled.figures().lostEntries()).isZero();
    }

    @Test
    void printsARowPerDesign() throws Exception {
        assertThat(Comparison.table(singleAndPooled()).lines())
                .hasSize(3)
                .anyMatch(line -> line.startsWith("4 pool of 3, key -> worker"));
    }

    @Test
    void drawsAChart() throws Exception {
        Path chart = folder.resolve("chart.png");
        Comparison.draw(singleAndPooled(), chart);
        byte[] png = Files.readAllBytes(chart);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void theSideBySideTableFindsEachFigureInWhatSingleAndPoolPrints() {
        String printed = BottleneckDemo.capLine(3_312.4, 1) + "\n"
                + BottleneckDemo.capLine(6_543.2, 3) + "\n" + Comparison.singleAndPoolLines(
                        new BottleneckDemo.Figures(10_000, 4, 9_876, 0),
                        new BottleneckDemo.Figures(10_000, 2, 5_432, 0));

        assertThat(Comparison.figures()).extracting(figure -> {
            var matcher = figure.pattern().matcher(printed.lines()
                    .filter(line -> figure.pattern().matcher(line).find()).findFirst()
                    .orElseThrow());
            matcher.find();
            return matcher.group(1);
        }).containsExactly("2,500", "5,000", "2.00", "3,312", "6,543");
    }

    @Test
    void theChartAveragesWritesInFlightOverTimeNotOverEvents() {
        long ms = 1_000_000;
        // One write for 10 ms, then two for 5 ms, then none until 40 ms.
        var timeline = List.of(new WriteMeter.Point(0, 1), new WriteMeter.Point(10 * ms, 2),
                new WriteMeter.Point(15 * ms, 0), new WriteMeter.Point(40 * ms, 0));

        double[] average = Comparison.averageInFlight(timeline, 20);

        assertThat(average).containsExactly(20.0 / 20, 0, 0);
    }
}
