package todo.pooling;

import genserver.GenServer;
import genserver.Pid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.FileStorage;
import todo.persistence.TodoCache;
import todo.persistence.TodoServer;
import todo.pooling.safety.WriteHooks;

/**
 * The load-and-fault soak of section 7.3.4: every design under a thousand writers against a slow
 * disk (5 ms a write) that fails for a while and comes back, then an orderly close and a restart.
 * It prints, per design, the entries accepted (every {@code addEntry} that returned) against the
 * entries found on disk after the restart, and names the lists that lost any. Nothing accepted may
 * be lost: a design passes when the two columns are equal, and the last line says whether every
 * design did.
 *
 * <p>Each writer owns one list: it adds its entries one at a time, waiting a random 0 to {@code
 * --pace-ms} between them, so that the writes of the fast designs meet the failing disk too. The
 * disk fails from 300 ms after the writers start, for {@code --fail-ms}; the close waits until it
 * is back, so that every design has a working disk to write what it kept.
 *
 * <pre>mvn -q -pl ch7-3-4-pooling -am compile exec:exec@soak</pre>
 */
public final class Soak {
    private static final LocalDate DAY = LocalDate.of(2023, 12, 19);
    private static final long FAILS_FROM_MS = 300;

    private Soak() {}

    /** The soak's sizes, from the command line. */
    record Options(int writers, int entries, int writeMs, int failMs, int paceMs,
            Set<Design> designs) {

        static Options parse(String... args) {
            int writers = 1_000, entries = 5, writeMs = 5, failMs = 1_000, paceMs = 200;
            Set<Design> designs = EnumSet.allOf(Design.class);
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.isBlank()) {
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--writers" -> writers = positive(option, value);
                    case "--entries" -> entries = positive(option, value);
                    case "--write-ms" -> writeMs = atLeastZero(option, value);
                    case "--fail-ms" -> failMs = atLeastZero(option, value);
                    case "--pace-ms" -> paceMs = atLeastZero(option, value);
                    case "--designs" -> designs = designs(value);
                    default -> throw new IllegalArgumentException("unknown option " + option
                            + "; the options are --writers, --entries, --write-ms, --fail-ms,"
                            + " --pace-ms and --designs (numbers 1 to 6, comma-separated)");
                }
            }
            return new Options(writers, entries, writeMs, failMs, paceMs, designs);
        }

        private static int positive(String option, String value) {
            return within(option, value, 1, Integer.MAX_VALUE);
        }

        private static int atLeastZero(String option, String value) {
            return within(option, value, 0, Integer.MAX_VALUE);
        }

        private static int within(String option, String value, int least, int most) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= least && n <= most) {
                    return n;
                }
            } catch (NumberFormatException notANumber) {
                // said below
            }
            throw new IllegalArgumentException(option + " takes a whole number from " + least
                    + (most == Integer.MAX_VALUE ? "" : " to " + most) + ", not '" + value + "'");
        }

        private static Set<Design> designs(String value) {
            Set<Design> chosen = EnumSet.noneOf(Design.class);
            for (String number : value.split(",", -1)) {
                chosen.add(Design.numbered(within("--designs", number, 1, Design.values().length)));
            }
            return chosen;
        }
    }

    /** One design's outcome: entries accepted and found, the lists that lost any, the times. */
    record Outcome(Design design, int accepted, int onDisk, List<String> listsThatLost,
            Duration writing, Duration closing) {
        int lost() {
            return accepted - onDisk;
        }
    }

    /** What the failing disk says to a write: the designs log it with the list it failed. */
    static final String FAILURE = "No space left on device (soak)";

    /** A disk that takes {@code writeMs} a write and fails every write in a window of time. */
    record SlowFailingDisk(long startNanos, int writeMs, int failMs) implements WriteHooks {
        @Override
        public void begin(String key, byte[] bytes) {
            long now = System.nanoTime();
            if (now - failsAt() >= 0 && now - backAt() < 0) {
                throw new UncheckedIOException(new IOException(FAILURE));
            }
            pause(writeMs);
        }

        /** When the disk starts failing, in {@link System#nanoTime()}. */
        long failsAt() {
            return startNanos + FAILS_FROM_MS * 1_000_000;
        }

        /** When the disk is back, in {@link System#nanoTime()}. */
        long backAt() {
            return failsAt() + failMs * 1_000_000L;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("soak: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path log = logToFile();
        System.out.printf(Locale.ROOT,
                "%,d writers x %d entries, %d ms a write, the disk failing for %,d ms:%n",
                options.writers(), options.entries(), options.writeMs(), options.failMs());
        System.out.printf(Locale.ROOT, "%-32s %9s %9s %6s %9s %9s  %s%n", "design", "accepted",
                "on disk", "lost", "writing", "closing", "lists that lost entries");
        int failed = 0;
        List<String> untested = new ArrayList<>();
        for (Design design : options.designs()) {
            Outcome outcome;
            long refusedBefore = refusedWrites(log);
            try {
                outcome = run(design, options);
            } catch (RuntimeException e) { // a design that breaks its promise aloud: say so, go on
                System.out.printf(Locale.ROOT, "%-32s failed: %s%n", design.title(), e);
                failed++;
                continue;
            }
            if (options.failMs() > 0 && refusedWrites(log) == refusedBefore) {
                untested.add(String.valueOf(design.number()));
            }
            System.out.printf(Locale.ROOT, "%-32s %,9d %,9d %,6d %8.1fs %8.1fs  %s%n",
                    design.title(), outcome.accepted(), outcome.onDisk(), outcome.lost(),
                    outcome.writing().toMillis() / 1000.0, outcome.closing().toMillis() / 1000.0,
                    outcome.listsThatLost().isEmpty() ? "-" : lostLists(outcome));
            if (outcome.lost() != 0) {
                failed++;
            }
        }
        System.out.println(failed == 0
                ? "Every design kept every accepted entry."
                : failed + " design(s) lost accepted entries.");
        if (!untested.isEmpty()) {
            System.out.println("No write of design(s) " + String.join(", ", untested) + " met the"
                    + " failing disk: they were done before it failed, " + FAILS_FROM_MS + " ms in;"
                    + " more --writers or --entries, or a longer --pace-ms, make them last into it.");
        }
        System.out.println("What the designs logged (each failed write, each list written again): "
                + log);
        System.exit(0);
    }

    /** How many writes the failing disk has refused so far, as the designs logged them. */
    private static long refusedWrites(Path log) throws IOException {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(FAILURE)).count();
        }
    }

    /**
     * The failing disk makes every design log thousands of lines: they go to a file, so that the
     * table stays readable.
     */
    private static Path logToFile() throws IOException {
        Path log = Files.createTempFile("soak-", ".log");
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        var file = new FileHandler(log.toString());
        file.setFormatter(new SimpleFormatter());
        root.addHandler(file);
        return log;
    }

    private static String lostLists(Outcome outcome) {
        List<String> names = outcome.listsThatLost();
        return names.stream().limit(5).collect(Collectors.joining(", "))
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
    }

    /** Writes, closes and restarts one design in a folder of its own. */
    static Outcome run(Design design, Options options) throws Exception {
        Path folder = Files.createTempDirectory("soak-" + design.name().toLowerCase(Locale.ROOT));
        var disk = new SlowFailingDisk(System.nanoTime(), options.writeMs(), options.failMs());
        var running = design.start(new FileStorage(folder), disk);
        Pid<TodoCache.Request> cache = TodoCache.start(running.database());

        long start = System.nanoTime();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < options.writers(); w++) {
            int writer = w;
            writers.add(Thread.ofVirtual().start(() -> write(cache, writer, options)));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        Duration writing = Duration.ofNanos(System.nanoTime() - start);

        while (System.nanoTime() - disk.backAt() < 0) { // the orderly close comes after
            pause(1);
        }
        long closeStart = System.nanoTime();
        GenServer.stop(cache);
        running.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - closeStart);

        int onDisk = 0;
        List<String> listsThatLost = new ArrayList<>();
        try (var restarted = design.start(folder)) {
            for (int w = 0; w < options.writers(); w++) {
                TodoList list = restarted.database().get(listName(w));
                Set<String> titles = new HashSet<>();
                if (list != null) {
                    list.entries(DAY).forEach(entry -> titles.add(entry.title()));
                }
                int found = 0;
                for (int e = 0; e < options.entries(); e++) {
                    if (titles.contains(title(w, e))) {
                        found++;
                    }
                }
                onDisk += found;
                if (found != options.entries()) {
                    listsThatLost
                            .add(listName(w) + " (" + found + " of " + options.entries() + ")");
                }
            }
        }
        return new Outcome(design, options.writers() * options.entries(), onDisk, listsThatLost,
                writing, closing);
    }

    private static void write(Pid<TodoCache.Request> cache, int writer, Options options) {
        var random = new SplittableRandom(writer);
        Pid<TodoServer.Request> server = TodoCache.serverProcess(cache, listName(writer));
        for (int e = 0; e < options.entries(); e++) {
            pause(options.paceMs() == 0 ? 0 : random.nextInt(options.paceMs() + 1));
            TodoServer.addEntry(server, new TodoEntry(DAY, title(writer, e)));
        }
    }

    private static String listName(int writer) {
        return "list-" + writer;
    }

    private static String title(int writer, int entry) {
        return "w" + writer + " e" + entry;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the soak was interrupted", e);
        }
    }
}
