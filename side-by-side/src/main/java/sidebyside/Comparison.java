package sidebyside;

import genserver.GenServer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.ui.TextAnchor;
import todo.persistence.BottleneckDemo;
import todo.pooling.Design;
import todo.pooling.WriteMeter;
import todo.pooling.safety.WriteHooks;

/**
 * Runs 7.3's workload (100 lists x 100 entries, 100 concurrent writers) against every design of
 * step 7.3.4 ({@link Design}),
 * prints a table and draws the writes in flight over time. Each write takes a fixed extra time
 * ({@code --write-ms N}, 1 ms unless told), the book's slow disk as a parameter: a disk whose
 * writes can overlap, so that one process, a pool of three and unbounded workers differ as the
 * book says, whatever the machine's own disk does. {@code --write-ms 0} measures that disk alone.
 *
 * <pre>mvn -q -pl side-by-side -am compile exec:exec@comparison [-Dlists.in=/dev/shm]
 * [-Dcomparison.args="--vs-elixir 3"]</pre>
 */
public final class Comparison {
    private static final String SINGLE_AND_POOL = "--single-and-pool";
    private static final String WRITE_MS = "--write-ms";

    /** The extra time each write takes unless {@code --write-ms} says otherwise. */
    static final int DEFAULT_WRITE_MS = 1;
    private static final int POOL = Design.POOL_SIZE;

    private Comparison() {}

    /**
     * HikariCP's (design 6) start and shutdown lines are not figures: only its warnings show. Held
     * here, as java.util.logging keeps only a weak reference to a logger and its level.
     */
    private static final Logger HIKARI = Logger.getLogger("com.zaxxer.hikari");

    /** One design's figures. */
    public record Row(Design design, BottleneckDemo.Figures figures, int mostWritesAtOnce,
            int overtaken, List<WriteMeter.Point> timeline) {}

    /**
     * Arguments: the chart's file (default {@code comparison.png} in the working directory, which
     * is side-by-side's {@code target/} under {@code exec:exec}), the folder to put the lists in
     * (default the JVM's temporary folder; give {@code /dev/shm} to take the disk out of it), and
     * options: {@code --single-and-pool} runs designs 1 and 4 only, as the book's code can be run;
     * {@code --vs-elixir [rounds]} runs that and its Elixir twin alternately.
     */
    public static void main(String[] args) throws Exception {
        HIKARI.setLevel(Level.WARNING);
        Path chart = Path.of(args.length > 0 && !args[0].isBlank() ? args[0] : "comparison.png");
        Path base = Path.of(args.length > 1 && !args[1].isBlank()
                ? args[1]
                : System.getProperty("java.io.tmpdir"));
        List<String> options = SideBySide.words(
                args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[0]);
        int rounds;
        int writeMs;
        try {
            rounds = SideBySide.roundsAskedFor(options);
            requireKnown(options);
            writeMs = writeMs(options);
            if (!Files.isDirectory(base)) {
                throw new IllegalArgumentException(
                        "the lists' folder (-Dlists.in) must be a folder that exists, not " + base);
            }
            Path chartFolder = chart.toAbsolutePath().getParent();
            if (!Files.isDirectory(chartFolder)) {
                throw new IllegalArgumentException("the chart's folder must exist, not "
                        + chartFolder);
            }
            if ((rounds > 0 || options.contains(SINGLE_AND_POOL)) && options.contains(WRITE_MS)) {
                throw new IllegalArgumentException(WRITE_MS + " is for the run of every design:"
                        + " designs 1 and 4 beside the book's code (" + SINGLE_AND_POOL
                        + ", --vs-elixir) write as fast as the disk, as the book's code does");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("Comparison: " + e.getMessage());
            System.err.println("usage: Comparison [--write-ms N] [--single-and-pool]"
                    + " [--vs-elixir [rounds]] (through Maven: -Dcomparison.args=\"...\","
                    + " -Dlists.in=FOLDER)");
            System.exit(2);
            return;
        }
        if (rounds > 0) {
            System.exit(versusElixir(base, rounds) ? 0 : 1);
        }
        System.out.println("lists in " + base + " (" + Files.getFileStore(base).type()
                + "), one scratch folder per design, removed after its run");
        if (options.contains(SINGLE_AND_POOL)) {
            singleAndPool(base);
            return;
        }
        System.out.println(writeMs == 0
                ? "each write as fast as the disk makes it"
                : "each write takes " + writeMs + " ms more than the disk's own (" + WRITE_MS
                        + " 0 for the disk alone)");
        List<Row> rows = new ArrayList<>();
        for (Design design : Design.values()) {
            System.err.println("running " + design.title() + " ...");
            Path folder = Files.createTempDirectory(base, "comparison");
            try {
                rows.add(run(design, folder, BottleneckDemo.LISTS, BottleneckDemo.ENTRIES,
                        writeMs));
            } finally {
                BottleneckDemo.remove(folder);
            }
        }
        System.out.print(table(rows));
        draw(rows, chart);
        System.out.println("chart: " + chart.toAbsolutePath());
    }

    /**
     * Design 1 and design 4 without the meter (the Elixir twin has none), each in a
     * fresh folder, printed as the Elixir twin prints them; then the caps of one writer and of
     * three, each the mean of a measure before the runs and one after.
     */
    static void singleAndPool(Path base) throws IOException, InterruptedException {
        double one = BottleneckDemo.cap(base, 1);
        double three = BottleneckDemo.cap(base, POOL);
        var single = unmetered(Design.SINGLE_PROCESS, base);
        var pool = unmetered(Design.POOLED, base);
        System.out.print(singleAndPoolLines(single, pool));
        BottleneckDemo.printMeanCap(one, BottleneckDemo.cap(base, 1), 1);
        BottleneckDemo.printMeanCap(three, BottleneckDemo.cap(base, POOL), POOL);
    }

    /** What {@link #singleAndPool} prints after the cap, in the Elixir twin's words. */
    static String singleAndPoolLines(BottleneckDemo.Figures single, BottleneckDemo.Figures pool) {
        return String.format(Locale.ROOT,
                "one database process: %s%npool of 3: %s%npool / single %.2fx%n",
                single.summary(), pool.summary(),
                pool.entriesPerSecond() / single.entriesPerSecond());
    }

    /** Runs one design with no write hooks in a scratch folder of {@code base}, then removes it. */
    private static BottleneckDemo.Figures unmetered(Design design, Path base)
            throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(base, "comparison");
        try (var running = design.start(folder, WriteHooks.NONE)) {
            return BottleneckDemo.run(running.database(), running.queueLength(),
                    () -> running.queueLength().getAsInt() == 0, (millis, length) -> {
                    });
        } finally {
            BottleneckDemo.remove(folder);
        }
    }

    /**
     * {@link #singleAndPool} next to {@code elixir comparison.exs}, alternately. If the cap of three
     * writers is below 1.5 times the book's pool, says that 1.5x cannot be reached here while
     * every write is atomic.
     */
    private static boolean versusElixir(Path base, int rounds) {
        var outcome = new SideBySide(
                "Comparison, 100 lists x 100 entries, designs 1 and 4: Java / Elixir",
                SideBySide.javaTwin(Comparison.class, "", base.toString(), SINGLE_AND_POOL),
                List.of(SideBySide.elixirTwin("comparison.elixir",
                        "ch7-3-4-pooling/src/elixir/comparison.exs").toString()),
                figures(), rounds).measure(System.out, System.err);
        PersistenceLoad.sayWhenTheCapRulesOut(outcome.javaMedian(1), outcome.elixirMedian(1),
                outcome.javaMedian(4), "pool", POOL + " writers at once");
        return outcome.ok();
    }

    /** What both twins print, in the same words, for {@code --vs-elixir}. */
    static List<Figure> figures() {
        String rate = " [0-9,]+ entries in [0-9.]+ s: ([0-9,]+) entries/s";
        return List.of(
                Figure.higherIsBetter("one database process", "entries/s",
                        "^one database process:" + rate),
                Figure.higherIsBetter("pool of 3 workers", "entries/s", "^pool of 3:" + rate),
                Figure.higherIsBetter("pool / single", "x", "^pool / single ([0-9.]+)x"),
                PersistenceLoad.capFigure(1), PersistenceLoad.capFigure(POOL));
    }

    /**
     * Refuses a word that is none of the options, so that a mistyped one ({@code --wirte-ms})
     * does not run another benchmark than the one asked for.
     */
    static void requireKnown(List<String> options) {
        for (int i = 0; i < options.size(); i++) {
            String word = options.get(i);
            if (word.equals(WRITE_MS)) {
                i++; // its value, which writeMs checks
            } else if (word.equals("--vs-elixir")) {
                if (i + 1 < options.size() && options.get(i + 1).matches("\\d+")) {
                    i++;
                }
            } else if (!word.equals(SINGLE_AND_POOL)) {
                throw new IllegalArgumentException("unknown option '" + word + "'");
            }
        }
    }

    /** {@code --write-ms N}: a whole number of milliseconds from 0; the default if not given. */
    static int writeMs(List<String> options) {
        int at = options.indexOf(WRITE_MS);
        if (at < 0) {
            return DEFAULT_WRITE_MS;
        }
        String value = at + 1 < options.size() ? options.get(at + 1) : "";
        try {
            int ms = Integer.parseInt(value);
            if (ms >= 0) {
                return ms;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(
                WRITE_MS + " takes a whole number of milliseconds from 0, not '" + value + "'");
    }

    /** Runs the workload against one design in {@code folder}, writes as fast as the disk. */
    public static Row run(Design design, Path folder) throws InterruptedException {
        return run(design, folder, BottleneckDemo.LISTS, BottleneckDemo.ENTRIES, 0);
    }

    /**
     * Runs a workload of {@code lists} writers x {@code entries} entries against one design, each
     * write taking {@code writeMs} more than the disk's own.
     */
    public static Row run(Design design, Path folder, int lists, int entries, int writeMs)
            throws InterruptedException {
        var meter = WriteMeter.start();
        BottleneckDemo.Figures figures;
        WriteHooks hooks = WriteMeter.hooks(meter).andThen(slowDisk(writeMs));
        try (var running = design.start(folder, hooks)) {
            figures = BottleneckDemo.run(running.database(), lists, entries, running.queueLength(),
                    () -> settled(WriteMeter.read(meter), running), (millis, length) -> {
                    });
        }
        var metered = WriteMeter.read(meter);
        GenServer.stop(meter);
        return new Row(design, figures, metered.mostAtOnce(), metered.overtaken(),
                metered.timeline());
    }

    /**
     * Whether the last write has landed: none runs, none waits, and none has started or ended for
     * 50 ms. Counting writes would not do: design 5 drops a queued store that a newer one of its
     * list supersedes, and designs 3 and 5 write an overtaken list once more.
     */
    private static boolean settled(WriteMeter.Figures metered, Design.Running running) {
        return metered.ended() > 0 && metered.inFlight() == 0
                && running.queueLength().getAsInt() == 0
                && System.nanoTime() - metered.lastEventNanos() > 50_000_000L;
    }

    /** A disk whose every write takes {@code ms} more, and whose writes can overlap. */
    static WriteHooks slowDisk(int ms) {
        return ms == 0 ? WriteHooks.NONE : new WriteHooks() {
            @Override
            public void begin(String key, byte[] bytes) {
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing " + key, e);
                }
            }
        };
    }

    public static String table(List<Row> rows) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-32s %12s %14s %12s %12s%n", "design", "entries/s",
                "writes at once",
                "peak queue", "overtaken"));
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "%-32s %,12.0f %,14d %,12d %,12d%n",
                    row.design().title(),
                    row.figures().entriesPerSecond(), row.mostWritesAtOnce(),
                    row.figures().peakQueue(),
                    row.overtaken()));
        }
        return out.toString();
    }

    /**
     * Draws the comparison: on the left, writes in flight over time, one panel per design titled
     * with its name, on a shared time axis (each panel has its own scale: design 3 runs a
     * thousand writes at once, design 1 one); on the right, entries per second and writes overtaken
     * per design as bars.
     */
    public static void draw(List<Row> rows, Path file) throws IOException {
        var image = new BufferedImage(1500, 1100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        timeline(rows).draw(g, new Rectangle2D.Double(0, 0, 1000, 1100));
        bars(rows, "Entries per second (higher is better)", row -> row.figures().entriesPerSecond())
                .draw(g, new Rectangle2D.Double(1000, 0, 500, 550));
        bars(rows, "Writes overtaken by an older one", row -> row.overtaken())
                .draw(g, new Rectangle2D.Double(1000, 550, 500, 550));
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static JFreeChart timeline(List<Row> rows) {
        var time = new NumberAxis("time since the design's first write (ms)");
        var plot = new CombinedDomainXYPlot(time);
        for (Row row : rows) {
            var line = new XYSeries(row.design().title(), false);
            double[] average = averageInFlight(row.timeline(), BUCKET_MILLIS);
            for (int b = 0; b < average.length; b++) {
                line.add((b + 0.5) * BUCKET_MILLIS, average[b]);
            }
            var writes = new NumberAxis("writes");
            // Headroom above the most at once, for the panel's title.
            writes.setRange(0, Math.max(1, row.mostWritesAtOnce()) * 1.4);
            writes.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            var renderer = new XYLineAndShapeRenderer(true, false);
            renderer.setSeriesPaint(0, colour(row));
            renderer.setSeriesStroke(0, new BasicStroke(1.5f));
            var panel = new XYPlot(new XYSeriesCollection(line), null, writes, renderer);
            panel.setBackgroundPaint(Color.WHITE);
            panel.setRangeGridlinePaint(Color.LIGHT_GRAY);
            var name = new TextTitle(row.design().title() + ": at most " + row.mostWritesAtOnce());
            name.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            name.setBackgroundPaint(Color.WHITE);
            panel.addAnnotation(new XYTitleAnnotation(0.01, 0.98, name, RectangleAnchor.TOP_LEFT));
            plot.add(panel, 1);
        }
        var chart = new JFreeChart(
                "Writes in flight (average over " + BUCKET_MILLIS + " ms), 100 lists x 100 entries",
                JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * A write starts and ends thousands of times a second: drawn as it happens, the line between 0
     * and 1 fills its panel. The chart draws the time-weighted average number of writes in flight
     * over each bucket of this many milliseconds instead, a line a reader can follow.
     */
    static final int BUCKET_MILLIS = 20;

    /** The time-weighted average of writes in flight per bucket, from the first point to the last. */
    static double[] averageInFlight(List<WriteMeter.Point> timeline, int bucketMillis) {
        if (timeline.size() < 2) {
            return new double[0];
        }
        long start = timeline.getFirst().nanos();
        long bucket = bucketMillis * 1_000_000L;
        double[] sum = new double[(int) ((timeline.getLast().nanos() - start) / bucket) + 1];
        for (int i = 0; i + 1 < timeline.size(); i++) {
            long from = timeline.get(i).nanos() - start;
            long to = timeline.get(i + 1).nanos() - start;
            int inFlight = timeline.get(i).inFlight();
            while (from < to) {
                int b = (int) (from / bucket);
                long end = Math.min(to, (b + 1) * bucket);
                sum[b] += inFlight * (double) (end - from);
                from = end;
            }
        }
        for (int b = 0; b < sum.length; b++) {
            sum[b] /= bucket;
        }
        return sum;
    }

    private static JFreeChart bars(List<Row> rows, String title, ToDoubleFunction<Row> value) {
        var data = new DefaultCategoryDataset();
        for (Row row : rows) {
            data.addValue(value.applyAsDouble(row), "", row.design().title());
        }
        var renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int series, int column) {
                return colour(rows.get(column));
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                NumberFormat.getIntegerInstance(Locale.ROOT)));
        renderer.setDefaultItemLabelsVisible(true);
        // Right of the bar's end, read from its start: centred on the end, a short bar's label
        // would lose its first digits behind the axis.
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        var plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis(), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getRangeAxis().setUpperMargin(0.2);
        var chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * A design's colour: the Okabe-Ito palette without its yellow, told apart by readers with any
     * kind of colour blindness and still apart in a grey print.
     */
    private static Color colour(Row row) {
        return new Color(switch (row.design()) {
            case SINGLE_PROCESS -> 0x0072B2;
            case BYPASS -> 0xD55E00;
            case ONE_OFF_WORKERS -> 0x009E73;
            case POOLED -> 0xCC79A7;
            case CHECKOUT_POOL -> 0xE69F00;
            case SQL -> 0x000000;
        });
    }
}
