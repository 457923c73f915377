package pekkotwin;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import sidebyside.CacheLoad;
import sidebyside.Figure;
import sidebyside.PersistenceLoad;
import sidebyside.SideBySide;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.BottleneckDemo;
import todo.persistence.FileStorage;

/**
 * ch7-3-persistence's {@code BottleneckDemo} on Apache Pekko's typed actors: 100 writers, one per
 * list, each add 100 entries through the cache and the list's to-do actor, and every addition
 * becomes a store of the whole list by the one database actor. It prints the Java twin's lines
 * in the same words (the mailbox over time, entries per second, the disk's cap of atomic
 * replaces), so that one table can hold our runtime, the BEAM and Pekko.
 *
 * <pre>mvn -q -pl pekko-twin -am compile exec:exec@pekko-persistence</pre>
 */
public final class Persistence {
    private Persistence() {}

    private static final LocalDate DATE = LocalDate.of(2023, 12, 19);

    /**
     * {@code --lists N} and {@code --entries N} (100 each, the twins' workload), and
     * {@code --no-cap}, which leaves out the disk's cap (measured before and after the run).
     */
    record Options(int lists, int entries, boolean cap) {
        static Options parse(List<String> args) {
            int lists = BottleneckDemo.LISTS;
            int entries = BottleneckDemo.ENTRIES;
            boolean cap = true;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--no-cap")) {
                    cap = false;
                } else if (i + 1 < args.size()
                        && (arg.equals("--lists") || arg.equals("--entries"))) {
                    int value = CacheLoad.positive(arg, args.get(++i));
                    if (arg.equals("--lists")) {
                        lists = value;
                    } else {
                        entries = value;
                    }
                } else {
                    throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
            }
            return new Options(lists, entries, cap);
        }
    }

    /** The figures a {@code --vs pekko} column reads: those of ch7-3-persistence's twins. */
    public static List<Figure> figures() {
        return PersistenceLoad.figures();
    }

    public static void main(String[] args) throws Exception {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the workload with {@code args}, its lines to {@code out}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Options options;
        int parallelism;
        try {
            options = Options.parse(SideBySide.words(args));
            parallelism = PekkoSystem.parallelism(System.getProperty(PekkoSystem.PARALLELISM));
        } catch (IllegalArgumentException e) {
            err.println("Persistence: " + e.getMessage());
            err.println("usage: Persistence [--lists N] [--entries N] [--no-cap]");
            err.println("       (through Maven: -Dpekko.persistence.args=\"...\""
                    + " -Dpekko.parallelism=N, one thread per core by default)");
            return 2;
        }
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        double before = options.cap() ? BottleneckDemo.cap(temporary, 1) : 0;
        Path folder = Files.createTempDirectory("pekko-bottleneck");
        out.println("lists in " + folder + " (removed at the end)");
        BottleneckDemo.Figures figures;
        ActorSystem<SpawnProtocol.Command> system = PekkoSystem.start("persistence", parallelism);
        try {
            figures = workload(system, new FileStorage(folder), options, out);
        } finally {
            PekkoSystem.stop(system);
            BottleneckDemo.remove(folder);
        }
        out.println(figures.summary());
        if (options.cap()) {
            // The disk's pace drifts: the cap is measured on both sides of the run.
            double cap = mean(before, BottleneckDemo.cap(temporary, 1), out);
            out.printf(Locale.ROOT,
                    "cap %,.0f writes/s; database %,.0f entries/s = %.0f %% of the cap%n", cap,
                    figures.entriesPerSecond(), 100 * figures.entriesPerSecond() / cap);
        }
        out.printf(Locale.ROOT, "Pekko default dispatcher: %d thread%s%n", parallelism,
                parallelism == 1 ? "" : "s");
        return figures.lostEntries() == 0 ? 0 : 1;
    }

    /** {@link BottleneckDemo#printMeanCap}, which prints to the standard output, to {@code out}. */
    private static double mean(double before, double after, PrintStream out) {
        double mean = (before + after) / 2;
        out.printf(Locale.ROOT, "%s; mean of %,.0f before the run and %,.0f after%n",
                BottleneckDemo.capLine(mean, 1), before, after);
        return mean;
    }

    /**
     * The twins' workload: {@code lists} writers (virtual threads, blocking on their asks as the
     * twins' writers block on their calls) each add {@code entries} entries to a list of their
     * own, and this thread watches the stores waiting until the writers are done and none is left.
     */
    private static BottleneckDemo.Figures workload(ActorSystem<SpawnProtocol.Command> system,
            FileStorage storage, Options options, PrintStream out) throws InterruptedException {
        Scheduler scheduler = system.scheduler();
        AtomicInteger waiting = new AtomicInteger();
        ActorRef<TodoDatabase.Message> database = PekkoSystem.spawn(system,
                TodoDatabase.create(storage, waiting), "todo-database");
        ActorRef<TodoCache.ServerProcess<PersistentServer.Message>> cache = PekkoSystem.spawn(
                system,
                TodoCache.create(name -> PersistentServer.create(name, database, waiting)),
                "todo-cache");
        int lists = options.lists();
        int entries = options.entries();
        long start = System.nanoTime();
        List<Thread> writers = new ArrayList<>();
        for (int l = 0; l < lists; l++) {
            String name = "list " + l;
            writers.add(Thread.ofVirtual().start(() -> {
                var server = TodoCache.serverProcess(cache, name, scheduler);
                for (int e = 0; e < entries; e++) {
                    server.tell(new PersistentServer.AddEntry(new TodoEntry(DATE, "entry " + e)));
                }
                // all its stores are sent
                AskPattern.<PersistentServer.Message, List<TodoEntry>>ask(server,
                        replyTo -> new PersistentServer.Entries(DATE, replyTo),
                        PekkoSystem.TIMEOUT, scheduler).toCompletableFuture().join();
            }));
        }
        int peak = 0;
        long shown = -100;
        while (true) {
            int length = waiting.get();
            peak = Math.max(peak, length);
            boolean finished = writers.stream().noneMatch(Thread::isAlive) && length == 0;
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis - shown >= 100 || finished) {
                out.printf(Locale.ROOT, "%6d ms  mailbox %5d  %s%n", millis, length,
                        // 60 columns: every one of the workload's requests waiting
                        "#".repeat((int) ((long) length * 60 / ((long) lists * entries))));
                shown = millis;
            }
            if (finished) {
                break;
            }
            // as the twins look: every 100 ms while the queue is long, every 2 ms near its end
            Thread.sleep(length > 500 ? 100 : 2);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // Asked of the database itself, so behind the last store it was sent.
        int lost = 0;
        for (int l = 0; l < lists; l++) {
            String name = "list " + l;
            TodoList stored = AskPattern.<TodoDatabase.Message, TodoDatabase.Found>ask(database,
                    replyTo -> new TodoDatabase.Get(name, replyTo), PekkoSystem.TIMEOUT,
                    scheduler).toCompletableFuture().join().list();
            lost += entries - (stored == null ? 0 : stored.size());
        }
        return new BottleneckDemo.Figures(lists * entries, seconds, peak, lost);
    }
}
