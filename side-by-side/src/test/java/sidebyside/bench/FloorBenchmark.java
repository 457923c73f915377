package sidebyside.bench;

import genserver.GenServer;
import sidebyside.HandOffFloor;
import genserver.Call;
import genserver.From;
import genserver.Pid;
import genserver.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A call next to the floor under it: {@link HandOffFloor}'s bare hand-off between virtual threads
 * (the JDK's park and unpark, one compare-and-set, no gen-server), and the same exchange as a
 * {@link GenServer#call} to a server that answers at once. The difference is what the runtime
 * costs; the bare figure is what no blocking call between virtual threads beats on this machine.
 *
 * <p>Everything runs on one carrier thread, as step 7.2's load test does by default: the client
 * and the server hand each request back and forth, never running at once. Each bare invocation
 * starts and stops its own server thread, where the calls share one running {@link EchoServer}:
 * one start and stop spread over {@link #BATCH} exchanges.
 *
 * <p>Run: {@code mvn -q -pl side-by-side -am test-compile exec:exec@floor}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
public class FloorBenchmark {
    private static final int BATCH = 64 * 200;
    private static final int CLIENTS = 64;

    /** A ping: the server answers with the number it carries. */
    public record Ping(long n) implements Call<Long> {}

    /** Answers every ping at once, as gen-server's own {@code CallBenchmark}'s echo does. */
    static final class Echo implements GenServer<Long, Ping> {
        @Override
        public Result<Long> init() {
            return Result.ok(0L);
        }

        @Override
        public Result<Long> handleCall(Ping ping, From from, Long state) {
            return Result.reply(ping.n(), state);
        }
    }

    /** A running {@link Echo}, started before a benchmark's first iteration, stopped after its last. */
    @State(Scope.Benchmark)
    public static class EchoServer {
        Pid<Ping> pid;

        @Setup
        public void start() {
            pid = GenServer.start(new Echo());
        }

        @TearDown
        public void stop() {
            GenServer.stop(pid);
        }
    }

    /** The JDK's floor for one client: a request handed over and the answer handed back. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long bareHandOffFromOneClient() throws InterruptedException {
        return HandOffFloor.exchange(1, BATCH);
    }

    /** The same exchange as a {@code GenServer.call}, one client. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int callFromOneClient(EchoServer echo) throws InterruptedException {
        return fromClients(1, () -> GenServer.call(echo.pid, new Ping(1)));
    }

    /** The JDK's floor for one server and 64 clients at once (the load test's concurrent phase). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long bareHandOffsFrom64Clients() throws InterruptedException {
        return HandOffFloor.exchange(CLIENTS, BATCH);
    }

    /** The same as {@code GenServer.call}s: 64 clients of one server. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int callsFrom64Clients(EchoServer echo) throws InterruptedException {
        return fromClients(CLIENTS, () -> GenServer.call(echo.pid, new Ping(1)));
    }

    /** {@link #BATCH} exchanges shared among {@code clients} virtual threads; the answers seen. */
    private static int fromClients(int clients, Supplier<Object> exchange)
            throws InterruptedException {
        int[] answered = new int[clients];
        List<Thread> threads = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < BATCH / clients; i++) {
                    if (exchange.get() != null) {
                        answered[client]++;
                    }
                }
            }));
        }
        int total = 0;
        for (int c = 0; c < clients; c++) {
            threads.get(c).join();
            total += answered[c];
        }
        return total;
    }
}
