package todo.cache;

import genserver.GenServer;
import genserver.Pid;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The book's {@code LoadTest} (section 7.2.3): a million to-do servers behind one cache. It first
 * asks the cache for each new name (a put: the cache starts a server), then for each name again
 * (a get: the cache finds it), and prints the average time of each. With {@code --clients N} it
 * also measures how many gets per second one cache answers to N concurrent callers.
 *
 * <pre>mvn -q -pl ch7-2-cache -am compile exec:exec@load-test -Dload.args="--clients 64"</pre>
 */
public final class LoadTest {
    private LoadTest() {}

    /** What to run: {@code --processes N} (default 1,000,000) and {@code --clients N} (default 1). */
    record Options(int processes, int clients) {
        static Options parse(String... rawArgs) {
            // Maven hands -Dload.args over as one argument: split it into words.
            String[] args = String.join(" ", rawArgs).trim().split("\\s+");
            int processes = 1_000_000;
            int clients = 1;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.isBlank()) {
                    continue;
                }
                if (i + 1 >= args.length
                        || !(arg.equals("--processes") || arg.equals("--clients"))) {
                    throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
                int value = positive(arg, args[++i]);
                if (arg.equals("--processes")) {
                    processes = value;
                } else {
                    clients = value;
                }
            }
            return new Options(processes, clients);
        }

        private static int positive(String option, String value) {
            try {
                int n = Integer.parseInt(value.replace("_", ""));
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(
                    option + " takes a positive whole number, not '" + value + "'");
        }
    }

    /** The figures of one run. */
    record Report(int processes, double averagePutMicros, double averageGetMicros, int clients,
            double concurrentGetsPerSecond, long heapBytesHeld) {}

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadTest: " + e.getMessage());
            System.err.println("usage: LoadTest [--processes N] [--clients N]");
            System.exit(2);
            return;
        }
        print(run(options, System.err), System.out);
    }

    static Report run(Options options, PrintStream progress) throws InterruptedException {
        long heapBefore = usedHeapAfterGc();
        Pid<TodoCache.Request> cache = TodoCache.start();
        int n = options.processes();
        // The book's one client, as a virtual thread: a platform-thread caller pays for parking an
        // OS thread on every call, and that, not the cache, would be what we measured.
        double[] micros = new double[2];
        Thread.ofVirtual().name("load-test").start(() -> {
            micros[0] = timeEachName(cache, n, "put", progress);
            micros[1] = timeEachName(cache, n, "get", progress);
        }).join();
        long held = usedHeapAfterGc() - heapBefore;
        double concurrent = options.clients() > 1
                ? concurrentGets(cache, n, options.clients(), progress)
                : 0;
        return new Report(n, micros[0], micros[1], options.clients(), concurrent, held);
    }

    /** Asks the cache for every name once; returns the average time of a request in µs. */
    private static double timeEachName(Pid<TodoCache.Request> cache, int n, String phase,
            PrintStream progress) {
        int step = Math.max(1, n / 10);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            TodoCache.serverProcess(cache, "cache_" + i);
            if ((i + 1) % step == 0) {
                progress.printf(Locale.ROOT, "%s %,d of %,d%n", phase, i + 1, n);
            }
        }
        return (System.nanoTime() - start) / 1_000.0 / n;
    }

    /**
     * Each client asks for its own share of the names, all at once; returns gets per second. The
     * first round warms up the JIT (each client's loop is short), the second is measured.
     */
    private static double concurrentGets(Pid<TodoCache.Request> cache, int n, int clients,
            PrintStream progress)
            throws InterruptedException {
        progress.printf(Locale.ROOT, "get %,d names from %d concurrent clients (warm-up)%n", n,
                clients);
        concurrentRound(cache, n, clients);
        progress.printf(Locale.ROOT, "get %,d names from %d concurrent clients%n", n, clients);
        return concurrentRound(cache, n, clients);
    }

    private static double concurrentRound(Pid<TodoCache.Request> cache, int n, int clients)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = client; i < n; i += clients) {
                    TodoCache.serverProcess(cache, "cache_" + i);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    static void print(Report r, PrintStream out) {
        out.printf(Locale.ROOT, "average put %.2f µs%n", r.averagePutMicros());
        out.printf(Locale.ROOT, "average get %.2f µs%n", r.averageGetMicros());
        out.printf(Locale.ROOT, "requests/second through one cache, one client: %,.0f%n",
                1e6 / r.averageGetMicros());
        if (r.clients() > 1) {
            out.printf(Locale.ROOT, "requests/second through one cache, %d clients: %,.0f%n",
                    r.clients(),
                    r.concurrentGetsPerSecond());
        }
        out.printf(Locale.ROOT, "memory held by %,d processes: %,d MB of heap (%,d bytes each)%n",
                r.processes(),
                r.heapBytesHeld() >> 20, r.heapBytesHeld() / r.processes());
        out.printf(Locale.ROOT, "processes alive: %,d%n", GenServer.processCount());
        peakRssMegabytes()
                .ifPresent(mb -> out.printf(Locale.ROOT, "peak RSS of this JVM: %,d MB%n", mb));
    }

    private static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The JVM's high-water mark of resident memory, where Linux tells it. */
    private static java.util.Optional<Long> peakRssMegabytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) >> 10)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
