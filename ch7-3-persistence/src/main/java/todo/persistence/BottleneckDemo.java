package todo.persistence;

import genserver.GenServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import todo.TodoEntry;
import todo.TodoList;

/**
 * Section 7.3.3 made visible: 100 writers, one per list, each add 100 entries as fast as they
 * can; every addition becomes a store request to the one database process. The requests arrive
 * faster than it writes files, so its mailbox grows, then drains. Prints the mailbox length over
 * time, then entries per second and the peak mailbox length.
 *
 * <pre>mvn -q -pl ch7-3-persistence -am compile exec:exec@bottleneck</pre>
 */
public final class BottleneckDemo {
    private static final int LISTS = 100;
    private static final int ENTRIES = 100;

    private BottleneckDemo() {}

    /** What one run measured. */
    public record Figures(int entries, double seconds, int peakMailbox) {
        public double entriesPerSecond() {
            return entries / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("bottleneck");
        var database = TodoDatabase.start(folder);
        Figures figures = run(database, (millis, length) -> System.out.printf(Locale.ROOT,
                "%6d ms  mailbox %5d  %s%n", millis, length,
                "#".repeat(Math.min(60, length / 50))));
        System.out.printf(Locale.ROOT,
                "%,d entries in %.2f s: %,.0f entries/s; peak mailbox length %,d%n",
                figures.entries(), figures.seconds(), figures.entriesPerSecond(),
                figures.peakMailbox());
        System.out.println("files in " + folder);
    }

    /** Something that wants to see the mailbox length as time passes. */
    public interface Watcher {
        void mailbox(long millis, int length);
    }

    /**
     * Runs the workload against one database process; returns when every entry is on disk (the
     * last {@code get} queues behind every store).
     */
    public static Figures run(TodoDatabase database, Watcher watcher) throws InterruptedException {
        var cache = TodoCache.start(database);
        long start = System.nanoTime();
        List<Thread> writers = new ArrayList<>();
        for (int l = 0; l < LISTS; l++) {
            String name = "list " + l;
            writers.add(Thread.ofVirtual().start(() -> {
                var server = TodoCache.serverProcess(cache, name);
                for (int e = 0; e < ENTRIES; e++) {
                    TodoServer.addEntry(server,
                            new TodoEntry(LocalDate.of(2023, 12, 19), "entry " + e));
                }
                TodoServer.entries(server, LocalDate.of(2023, 12, 19)); // all its stores are sent
            }));
        }
        // This thread watches the database's mailbox until the writers are done and it is empty.
        int peak = 0;
        for (int tick = 0;; tick++) {
            int length = GenServer.messageQueueLength(database.pid());
            peak = Math.max(peak, length);
            boolean writing = writers.stream().anyMatch(Thread::isAlive);
            if (tick % 50 == 0 || (!writing && length == 0)) {
                watcher.mailbox((System.nanoTime() - start) / 1_000_000, length);
            }
            if (!writing && length == 0) {
                break;
            }
            Thread.sleep(2);
        }
        for (int l = 0; l < LISTS; l++) {
            TodoList stored = database.get("list " + l); // queued behind every store
            if (stored == null || stored.size() != ENTRIES) {
                throw new IllegalStateException("list " + l + " is not all on disk: " + stored);
            }
        }
        return new Figures(LISTS * ENTRIES, (System.nanoTime() - start) / 1e9, peak);
    }
}
