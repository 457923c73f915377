package genserver.bench;

import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.util.concurrent.TimeUnit;
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
 * The two costs every later step pays: a call round trip and a cast. JMH measures from platform
 * threads, so the virtual-thread figures run a batch inside one virtual client process; its start
 * is spread over the batch.
 *
 * <p>Run: {@code mvn -q -pl gen-server test-compile exec:exec@jmh}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CallBenchmark {
    private static final int BATCH = 10_000;

    sealed interface Msg {}

    record Ping(long n) implements Msg, Call<Long> {}

    record Count(long n) implements Msg, Cast {}

    record Total() implements Msg, Call<Long> {}

    /** Answers a ping with its number; adds up counts. */
    static final class Echo implements GenServer<Long, Msg> {
        @Override
        public Result<Long> init() {
            return Result.ok(0L);
        }

        @Override
        public Result<Long> handleCall(Msg request, From from, Long total) {
            return switch (request) {
                case Ping(long n) -> Result.reply(n, total);
                case Total() -> Result.reply(total, total);
                case Count c -> throw new AssertionError(c); // GenServer.call takes a Call only
            };
        }

        @Override
        public Result<Long> handleCast(Msg request, Long total) {
            return request instanceof Count(long n)
                    ? Result.noreply(total + n)
                    : Result.noreply(total);
        }
    }

    /** A running {@link Echo}, started before a benchmark's first iteration, stopped after its last. */
    @State(Scope.Benchmark)
    public static class EchoServer {
        Pid<Msg> pid;

        @Setup
        public void start() {
            pid = GenServer.start(new Echo());
        }

        @TearDown
        public void stop() {
            GenServer.stop(pid);
        }
    }

    /** A call round trip between two virtual threads (a client process and the server). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long callRoundTripBetweenVirtualThreads(EchoServer echo) throws InterruptedException {
        long[] sum = new long[1];
        Thread.ofVirtual().start(() -> {
            for (int i = 0; i < BATCH; i++) {
                long answer = GenServer.call(echo.pid, new Ping(i));
                sum[0] += answer;
            }
        }).join();
        return sum[0];
    }

    /** The same round trip from a platform thread, as JMH and a plain main() call it. */
    @Benchmark
    public long callRoundTripFromPlatformThread(EchoServer echo) {
        return GenServer.call(echo.pid, new Ping(1));
    }

    /** Casts sent from a virtual thread and handled by the server (a final call waits for them). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long castThroughput(EchoServer echo) throws InterruptedException {
        long[] total = new long[1];
        Thread.ofVirtual().start(() -> {
            for (int i = 0; i < BATCH; i++) {
                GenServer.cast(echo.pid, new Count(1));
            }
            total[0] = GenServer.call(echo.pid, new Total());
        }).join();
        return total[0];
    }
}
