package todo.persistence;

import genserver.GenServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
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
 * <pre>mvn -q -pl ch7-3-persistence -am compile exec:exec@bottleneck</pre>
 */
public final class BottleneckDemo {
    public static final int LISTS = 100;
    public static final int ENTRIES = 100;

    private BottleneckDemo() {}

    /** What one run measured; {@code lostEntries} counts entries missing from disk at the end. */
    public record Figures(int entries, double seconds, int peakQueue, int lostEntries) {
        public double entriesPerSecond() {
            return entries / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("bottleneck");
        System.out.println("lists in " + folder + " (removed at the end)");
        try {
            demo(folder);
        } finally {
            remove(folder);
        }
    }

    private static void demo(Path folder) throws InterruptedException {
        var database = TodoDatabase.start(folder);
        Figures figures = run(database, () -> GenServer.messageQueueLength(database.pid()),
                () -> GenServer.messageQueueLength(database.pid()) == 0,
                (millis, length) -> System.out.printf(Locale.ROOT, "%6d ms  mailbox %5d  %s%n",
                        millis, length,
                        // 60 columns: every one of the workload's requests waiting
                        "#".repeat(length * 60 / (LISTS * ENTRIES))));
        System.out.printf(Locale.ROOT,
                "%,d entries in %.2f s: %,.0f entries/s; peak mailbox length %,d%n",
                figures.entries(), figures.seconds(), figures.entriesPerSecond(),
                figures.peakQueue());
    }

    /** Removes a scratch folder of lists that a program made, so that a run leaves nothing. */
    public static void remove(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
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
                TodoServer.entries(server, LocalDate.of(2023, 12, 19)); // all its stores are sent
            }));
        }
        // This thread watches the queue until the writers are done and the database has settled.
        int peak = 0;
        for (int tick = 0;; tick++) {
            int length = queueLength.getAsInt();
            peak = Math.max(peak, length);
            boolean finished = writers.stream().noneMatch(Thread::isAlive)
                    && settled.getAsBoolean();
            if (tick % 50 == 0 || finished) {
                watcher.queue((System.nanoTime() - start) / 1_000_000, length);
            }
            if (finished) {
                break;
            }
            Thread.sleep(2);
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
