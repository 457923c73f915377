package todo.pooling;

import genserver.GenServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import todo.TodoEntry;
import todo.persistence.TodoCache;
import todo.persistence.TodoServer;

/**
 * A flood that never stops: 100 to-do servers add entries as fast as they can, and once a second
 * the demo prints how many processes live, how much heap is used and how long the design's queue
 * is. Design 3 spawns a process per write and runs them all at once: processes and heap grow
 * without bound while the writes fight over the disk. A bounded design (4) keeps three writers
 * and a backlog in its workers' mailboxes. The JVM exits at the end, flood and all.
 *
 * <pre>mvn -q -pl ch7-3-4-pooling -am compile exec:exec@flood -Dflood.args="10 ONE_OFF_WORKERS"</pre>
 */
public final class FloodDemo {
    private static final int LISTS = 100;

    private FloodDemo() {}

    /** What to flood, and for how long. */
    record Options(int seconds, Design design) {
        /**
         * Seconds (1 to 3600, 10 by default) and the design, by its name in any case or its
         * number ({@code ONE_OFF_WORKERS}, or 3, by default).
         */
        static Options parse(String... args) {
            String[] words = String.join(" ", args).trim().split("\\s+");
            if (words.length > 2) {
                throw new IllegalArgumentException("takes at most two options, seconds and a"
                        + " design, not '" + String.join(" ", words) + "'");
            }
            int seconds = 10;
            if (!words[0].isEmpty()) {
                try {
                    seconds = Integer.parseInt(words[0]);
                } catch (NumberFormatException notANumber) {
                    seconds = 0; // said below
                }
                if (seconds < 1 || seconds > 3_600) {
                    throw new IllegalArgumentException(
                            "the seconds are a whole number from 1 to 3600, not '" + words[0]
                                    + "'");
                }
            }
            return new Options(seconds,
                    words.length > 1 ? design(words[1]) : Design.ONE_OFF_WORKERS);
        }

        private static Design design(String word) {
            for (Design design : Design.values()) {
                if (design.name().equalsIgnoreCase(word)
                        || word.equals(String.valueOf(design.number()))) {
                    return design;
                }
            }
            throw new IllegalArgumentException("no design '" + word + "'; the designs are "
                    + java.util.Arrays.toString(Design.values()) + ", or their numbers 1 to "
                    + Design.values().length);
        }
    }

    /** Arguments: seconds (default 10) and the design (default {@code ONE_OFF_WORKERS}). */
    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("FloodDemo: " + e.getMessage());
            System.err.println("usage: FloodDemo [seconds [design]] (through Maven:"
                    + " -Dflood.args=\"10 ONE_OFF_WORKERS\")");
            System.exit(2);
            return;
        }
        int seconds = options.seconds();
        Design design = options.design();
        System.out.println(design.title() + ", " + LISTS + " servers adding entries for "
                + seconds + " s:");
        // A folder of its own in the module's target/ under exec:exec (mvn clean removes it), so
        // that two floods at once never share one
        Path folder = Files.createTempDirectory(Path.of(""), "flood-lists-");
        System.out.println("lists in " + folder.toAbsolutePath());
        var running = design.start(folder);
        var cache = TodoCache.start(running.database());
        List<genserver.Pid<TodoServer.Request>> servers = IntStream.range(0, LISTS)
                .mapToObj(l -> TodoCache.serverProcess(cache, "list " + l)).toList();
        for (var server : servers) {
            Thread.ofVirtual().start(() -> {
                for (int e = 0;; e++) {
                    TodoServer.addEntry(server,
                            new TodoEntry(LocalDate.of(2023, 12, 19), "entry " + e));
                    if (e % 10 == 0) { // now and then wait for the server: it is not the point
                        TodoServer.entries(server, LocalDate.of(2023, 12, 19));
                    }
                }
            });
        }
        Runtime runtime = Runtime.getRuntime();
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(1_000);
            System.out.printf(Locale.ROOT, "%4d s  processes %,8d  heap %,6d MB  queued %,8d%n",
                    s, GenServer.processCount(),
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                    running.queueLength().getAsInt());
        }
        System.exit(0);
    }
}
