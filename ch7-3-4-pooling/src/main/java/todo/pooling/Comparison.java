package todo.pooling;

import genserver.GenServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import todo.persistence.BottleneckDemo;

/**
 * Runs 7.3's workload (100 lists x 100 entries, 100 concurrent writers) against every design,
 * prints a table and draws the writes in flight over time.
 *
 * <pre>mvn -q -pl ch7-3-4-pooling -am compile exec:exec@comparison [-Dlists.in=/dev/shm]</pre>
 */
public final class Comparison {
    private Comparison() {}

    /** One design's figures. */
    public record Row(Design design, BottleneckDemo.Figures figures, int mostWritesAtOnce,
            List<WriteMeter.Point> timeline) {}

    /**
     * Arguments: the chart's file (default {@code comparison.png}) and the folder to put the lists
     * in (default the JVM's temporary folder; give {@code /dev/shm} to take the disk out of it).
     */
    public static void main(String[] args) throws Exception {
        Path chart = Path.of(args.length > 0 && !args[0].isBlank() ? args[0] : "comparison.png");
        Path base = Path.of(args.length > 1 && !args[1].isBlank()
                ? args[1]
                : System.getProperty("java.io.tmpdir"));
        System.out.println("lists in " + base + " (" + Files.getFileStore(base).type() + ")");
        List<Row> rows = new ArrayList<>();
        for (Design design : Design.values()) {
            System.err.println("running " + design.title() + " ...");
            rows.add(run(design, Files.createTempDirectory(base, "comparison")));
        }
        System.out.print(table(rows));
        draw(rows, chart);
        System.out.println("chart: " + chart.toAbsolutePath());
    }

    /** Runs the workload against one design in {@code folder}. */
    public static Row run(Design design, Path folder) throws InterruptedException {
        return run(design, folder, BottleneckDemo.LISTS, BottleneckDemo.ENTRIES);
    }

    /** Runs a workload of {@code lists} writers x {@code entries} entries against one design. */
    public static Row run(Design design, Path folder, int lists, int entries)
            throws InterruptedException {
        var meter = WriteMeter.start();
        int total = lists * entries;
        BottleneckDemo.Figures figures;
        try (var running = design.start(folder, WriteMeter.hooks(meter))) {
            figures = BottleneckDemo.run(running.database(), lists, entries, running.queueLength(),
                    () -> WriteMeter.read(meter).ended() >= total, (millis, length) -> {
                    });
        }
        var metered = WriteMeter.read(meter);
        GenServer.stop(meter);
        return new Row(design, figures, metered.mostAtOnce(), metered.timeline());
    }

    public static String table(List<Row> rows) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-32s %12s %14s %12s %12s%n", "design", "entries/s",
                "writes at once",
                "peak queue", "lost entries"));
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "%-32s %,12.0f %14d %,12d %,12d%n",
                    row.design().title(),
                    row.figures().entriesPerSecond(), row.mostWritesAtOnce(),
                    row.figures().peakQueue(),
                    row.figures().lostEntries()));
        }
        return out.toString();
    }

    /**
     * Writes in flight over time, one panel per design on a shared time axis (each panel has its
     * own scale: design 3 runs a thousand writes at once, design 1 one).
     */
    public static void draw(List<Row> rows, Path file) throws IOException {
        var time = new NumberAxis("time since the design's first write (ms)");
        var plot = new CombinedDomainXYPlot(time);
        for (Row row : rows) {
            var line = new XYSeries(row.design().title(), false);
            long start = row.timeline().isEmpty() ? 0 : row.timeline().getFirst().nanos();
            int previous = 0;
            for (WriteMeter.Point point : row.timeline()) {
                double millis = (point.nanos() - start) / 1e6;
                line.add(millis, previous);
                line.add(millis, point.inFlight());
                previous = point.inFlight();
            }
            var writes = new NumberAxis(row.design().title().substring(0, 1));
            writes.setAutoRangeIncludesZero(true);
            var panel = new XYPlot(new XYSeriesCollection(line), null, writes,
                    new XYLineAndShapeRenderer(true, false));
            plot.add(panel, 1);
        }
        var chart = new JFreeChart("Writes in flight per design, 100 lists x 100 entries",
                JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 1100);
    }
}
