package todo.cache;

import genserver.Pid;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The book's {@code LoadTest} (section 7.2.3): a million to-do servers behind one cache. It first
 * asks the cache for each new name (a put: the cache starts a server), then for each name again
 * (a get: the cache finds it), and prints the average time of each, then the peak resident memory
 * of the JVM. The measurements beyond the book's (concurrent clients, the runtime's floor, the
 * Elixir and Pekko twins side by side) are the {@code side-by-side} module's.
 *
 * <pre>mvn -q -pl ch7-2-cache -am compile exec:exec@load-test</pre>
 */
public final class LoadTest {
    private LoadTest() {}

    /** The book's {@code total_processes}. */
    public static final int PROCESSES = 1_000_000;

    public static void main(String[] args) throws InterruptedException {
        // Maven hands -Dload.args over as one argument, empty unless given.
        String options = String.join(" ", args).trim();
        if (!options.isEmpty()) {
            System.err.println("LoadTest: the book's run takes no options, not '" + options + "';"
                    + " the load test with options is side-by-side's: mvn -q -pl side-by-side -am"
                    + " compile exec:exec@cache-load -Dload.args=\"" + options + "\"");
            System.exit(2);
        }
        run(PROCESSES, System.out, System.err);
    }

    /**
     * The book's run with {@code processes} names through one new cache: the averages and the
     * peak memory to {@code out}, the progress to {@code progress}.
     */
    public static void run(int processes, PrintStream out, PrintStream progress)
            throws InterruptedException {
        Pid<TodoCache.Request> cache = TodoCache.start();
        // The book's one client, as a virtual thread: a platform-thread caller pays for parking an
        // OS thread on every call, and that, not the cache, would be what we measured.
        double[] micros = new double[2];
        Thread.ofVirtual().name("load-test").start(() -> {
            micros[0] = timeEachName(cache, processes, "put", progress);
            micros[1] = timeEachName(cache, processes, "get", progress);
        }).join();
        out.printf(Locale.ROOT, "average put %.2f µs%n", micros[0]);
        out.printf(Locale.ROOT, "average get %.2f µs%n", micros[1]);
        peakRssMegabytes().ifPresent(mb -> out.printf(Locale.ROOT,
                "peak RSS with %,d servers: %,d MB%n", processes, mb));
    }

    /**
     * Asks the cache for {@code cache_1} to {@code cache_n} once each, as the book does, saying so
     * every tenth; returns the average time in µs.
     */
    public static double timeEachName(Pid<TodoCache.Request> cache, int n, String phase,
            PrintStream progress) {
        int step = Math.max(1, n / 10);
        long start = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            TodoCache.serverProcess(cache, "cache_" + i);
            if (i % step == 0) {
                progress.printf(Locale.ROOT, "%s %,d of %,d%n", phase, i, n);
            }
        }
        return (System.nanoTime() - start) / 1_000.0 / n;
    }

    /**
     * The JVM's high-water mark of resident memory (VmHWM), where Linux tells it: the book prints
     * the BEAM's memory, and the servers' stacks live outside the Java heap.
     */
    public static OptionalLong peakRssMegabytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) >> 10)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
