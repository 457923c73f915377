package todo.persistence;

import genserver.GenServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import todo.TodoEntry;
import todo.TodoList;

/**
 * Section 7.3.3 made visible: 100 writers, one per list, each add 100 entries as fast as they
 * can; every addition becomes a store request to the one database process. The requests arrive
 * faster than it writes files, so its mailbox grows, then drains. Prints the mailbox length over
 * time, then entries per second and the peak mailbox length. Step 7.3.4 runs the same workload
 * against each of its designs.
 *
 * <p>First it measures the cap: how many atomic replaces of a 2 KB file one writer does per second
 * on this disk, through the same {@link FileStorage} the database writes with. One database
 * process cannot store faster than that, so the figure is also given as a share of it.
 *
 * <p>Its Elixir twin ({@code src/elixir/bottleneck.exs}, the book's 7.3.2 code) and the Pekko
 * twin run beside it in the {@code side-by-side} module.
 *
 * <pre>mvn -q -pl ch7-3-persistence -am compile exec:exec@bottleneck</pre>
 */
public final class BottleneckDemo {
    public static final int LISTS = 100;
    public static final int ENTRIES = 100;

    /** How many atomic replaces the cap is measured over, and of how many bytes each. */
    static final int CAP_WRITES = 2_000;
    static final int CAP_BYTES = 2_048;

    /** Replaces before the measured ones, untimed: the Elixir twin warms up the same way. */
    static final int CAP_WARM_UP = 200;

    /**
     * How often the watcher looks at the queue: every 100 ms while it is long, every 2 ms when it
     * is nearly empty, to see the end at once. The BEAM knows a mailbox's length at once; ours is
     * counted message by message, and counting 10,000 messages every 2 ms took a third of a core
     * from the database it measured. The Elixir twin looks just as often.
     */
    static long watchMillis(int queueLength) {
        return queueLength > 500 ? 100 : 2;
    }

    private BottleneckDemo() {}

    /** What one run measured; {@code lostEntries} counts entries missing from disk at the end. */
    public record Figures(int entries, double seconds, int peakQueue, int lostEntries) {
        public double entriesPerSecond() {
            return entries / seconds;
        }

        /** The line both twins print: {@code 10,000 entries in 2.90 s: 3,443 entries/s; ...}. */
        public String summary() {
            return String.format(Locale.ROOT,
                    "%,d entries in %.2f s: %,.0f entries/s; peak mailbox length %,d%s", entries,
                    seconds, entriesPerSecond(), peakQueue,
                    lostEntries == 0 ? "" : "; " + lostEntries + " entries lost");
        }
    }

    public static void main(String[] args) throws Exception {
        // Maven hands -Dbottleneck.args over as one argument, empty unless given.
        String options = String.join(" ", args).trim();
        if (!options.isEmpty()) {
            System.err.println("BottleneckDemo takes no options, not '" + options + "'; the demo"
                    + " next to its Elixir twin is side-by-side's: mvn -q -pl side-by-side -am"
                    + " compile exec:exec@persistence-load -Dpersistence.args=\"" + options
                    + "\"");
            System.exit(2);
        }
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        double before = cap(temporary, 1);
        Path folder = Files.createTempDirectory("bottleneck");
        System.out.println("lists in " + folder + " (removed at the end)");
        Figures figures;
        try {
            figures = demo(folder);
        } finally {
            remove(folder);
        }
        // The disk's pace drifts: the cap is measured on both sides of the run.
        double cap = printMeanCap(before, cap(temporary, 1), 1);
        System.out.printf(Locale.ROOT,
                "cap %,.0f writes/s; database %,.0f entries/s = %.0f %% of the cap%n",
                cap, figures.entriesPerSecond(), 100 * figures.entriesPerSecond() / cap);
    }

    private static Figures demo(Path folder) throws InterruptedException {
        try (var database = TodoDatabase.start(folder)) {
            Figures figures = run(database, () -> GenServer.messageQueueLength(database.pid()),
                    () -> GenServer.messageQueueLength(database.pid()) == 0,
                    (millis, length) -> System.out.printf(Locale.ROOT,
                            "%6d ms  mailbox %5d  %s%n", millis, length,
                            // 60 columns: every one of the workload's requests waiting
                            "#".repeat(length * 60 / (LISTS * ENTRIES))));
            System.out.println(figures.summary());
            return figures;
        }
    }

    /** Removes a scratch folder of lists that a program made, so that a run leaves nothing. */
    public static void remove(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Prints the mean of the cap of {@code writers} measured {@code before} and {@code after} a
     * run (the disk's pace drifts) and returns it.
     */
    public static double printMeanCap(double before, double after, int writers) {
        double mean = (before + after) / 2;
        System.out.printf(Locale.ROOT, "%s; mean of %,.0f before the run and %,.0f after%n",
                capLine(mean, writers), before, after);
        return mean;
    }

    /**
     * How many atomic replaces of a 2 KB file {@code writers} writers at once do per second here,
     * through {@link FileStorage#write}, in a folder of its own in {@code parent}. Each writer
     * replaces its own share of {@link #LISTS} files in turn, as the workload's lists are spread
     * over a pool's workers: replacing one file over and over would also wait for the disk to
     * finish the copy it has just replaced, which the workload does not.
     */
    public static double cap(Path parent, int writers) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(parent, "cap");
        var storage = new FileStorage(folder);
        byte[] bytes = new byte[CAP_BYTES];
        for (int i = 0; i < CAP_WARM_UP; i++) { // a JVM just started compiles the path first
            storage.write("list " + i % LISTS, bytes);
        }
        int each = CAP_WRITES / writers;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            int[] files = IntStream.range(0, LISTS).filter(f -> f % writers == writer).toArray();
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < each; i++) {
                    storage.write("list " + files[i % files.length], bytes);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double perSecond = each * writers / ((System.nanoTime() - start) / 1e9);
        for (int l = 0; l < LISTS; l++) {
            Files.deleteIfExists(storage.file("list " + l));
        }
        Files.delete(folder);
        return perSecond;
    }

    /** The line both twins print for the cap of {@code writers} writers at once. */
    public static String capLine(double perSecond, int writers) {
        return String.format(Locale.ROOT,
                "atomic replace cap%s %,.0f writes/s (%,d replaces of %d files of 2 KB)",
                writers == 1 ? "" : ", " + writers + " writers at once,", perSecond,
                CAP_WRITES / writers * writers, LISTS);
    }

    /** Something that wants to see the queue length as time passes. */
    public interface Watcher {
        void queue(long millis, int length);
    }

    /** Runs the demo's workload, {@link #LISTS} lists x {@link #ENTRIES} entries; see below. */
    public static Figures run(Database database, IntSupplier queueLength, BooleanSupplier settled,
            Watcher watcher)
            throws InterruptedException {
        return run(database, LISTS, ENTRIES, queueLength, settled, watcher);
    }

    /**
     * Runs {@code lists} writers, each adding {@code entries} entries to its own list, against
     * {@code database} through a cache and its to-do servers, watching
     * {@code queueLength} (the database's mailbox, or whatever a design queues requests in) until
     * the writers are done and {@code settled} says the last write has landed.
     */
    public static Figures run(Database database, int lists, int entries, IntSupplier queueLength,
            BooleanSupplier settled, Watcher watcher)
            throws InterruptedException {
        var cache = TodoCache.start(database);
        long start = System.nanoTime();
        List<Thread> writers = new ArrayList<>();
        for (int l = 0; l < lists; l++) {
            String name = "list " + l;
            writers.add(Thread.ofVirtual().start(() -> {
                var server = TodoCache.serverProcess(cache, name);
                for (int e = 0; e < entries; e++) {
                    TodoServer.addEntry(server,
                            new TodoEntry(LocalDate.of(2023, 12, 19), "entry " + e));
                }
                // All its stores are sent once this answers; behind a long backlog (a design whose
                // server waits for the database) that may take longer than a call's 5 s.
                GenServer.call(server, new TodoServer.Entries(LocalDate.of(2023, 12, 19)),
                        Duration.ofMinutes(5));
            }));
        }
        // This thread watches the queue until the writers are done and the database has settled.
        int peak = 0;
        long shown = -100;
        while (true) {
            int length = queueLength.getAsInt();
            peak = Math.max(peak, length);
            boolean finished = writers.stream().noneMatch(Thread::isAlive)
                    && settled.getAsBoolean();
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis - shown >= 100 || finished) {
                watcher.queue(millis, length);
                shown = millis;
            }
            if (finished) {
                break;
            }
            Thread.sleep(watchMillis(length));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int lost = 0;
        for (int l = 0; l < lists; l++) {
            TodoList stored = database.get("list " + l);
            lost += entries - (stored == null ? 0 : stored.size());
        }
        GenServer.stop(cache);
        return new Figures(lists * entries, seconds, peak, lost);
    }
}
