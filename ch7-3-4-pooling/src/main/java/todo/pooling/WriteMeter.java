package todo.pooling;

import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import todo.pooling.safety.WriteHooks;

/**
 * Counts writes in flight, and writes overtaken, for the comparison. Writers report their start and end by casts; the
 * meter is one process, so counting needs no lock: "if part of the code must be synchronised, run
 * it in a dedicated process". It keeps a timeline (time, writes in flight) for the chart. A write
 * that lands after a larger write of the same list has landed was overtaken: in the comparison's
 * workload every store of a list adds an entry, so a smaller list landing last is an older one.
 */
public final class WriteMeter implements GenServer<WriteMeter.State, WriteMeter.Request> {

    /** The meter's protocol. */
    public sealed interface Request permits Started, Ended, Read {}

    public record Started(long nanos) implements Request, Cast {}

    public record Ended(long nanos, String key, int bytes) implements Request, Cast {}

    /** A call, answered with the figures so far. */
    public record Read() implements Request, Call<Figures> {}

    /** What the meter has seen. */
    public record Figures(int inFlight, int mostAtOnce, int ended, int overtaken,
            List<Point> timeline) {
        /** When the last write started or ended, in {@link System#nanoTime()}; 0 before any. */
        public long lastEventNanos() {
            return timeline.isEmpty() ? 0 : timeline.getLast().nanos();
        }
    }

    /** Writes in flight from a moment on. */
    public record Point(long nanos, int inFlight) {}

    /**
     * The meter's state; the timeline and the largest write landed per list never leave the
     * process (readers get a copy).
     */
    record State(int inFlight, int mostAtOnce, int ended, int overtaken, ArrayList<Point> timeline,
            HashMap<String, Integer> landed) {}

    private WriteMeter() {}

    public static Pid<Request> start() {
        return GenServer.start(new WriteMeter());
    }

    public static void started(Pid<Request> meter) {
        GenServer.cast(meter, new Started(System.nanoTime()));
    }

    public static void ended(Pid<Request> meter, String key, int bytes) {
        GenServer.cast(meter, new Ended(System.nanoTime(), key, bytes));
    }

    /** Hooks that report each write's start and end to {@code meter}. */
    public static WriteHooks hooks(Pid<Request> meter) {
        return new WriteHooks() {
            @Override
            public void begin(String key, byte[] bytes) {
                started(meter);
            }

            @Override
            public void end(String key, byte[] bytes) {
                ended(meter, key, bytes.length);
            }
        };
    }

    /**
     * The figures so far. Waits up to a minute, not OTP's 5 s: under design 3 thousands of writers
     * report at once, and this call queues behind all their casts on a busy machine.
     */
    public static Figures read(Pid<Request> meter) {
        return GenServer.call(meter, new Read(), Duration.ofMinutes(1));
    }

    @Override
    public Result<State> init() {
        return Result.ok(new State(0, 0, 0, 0, new ArrayList<>(), new HashMap<>()));
    }

    @Override
    public Result<State> handleCast(Request request, State state) {
        return switch (request) {
            case Started(long nanos) -> {
                int inFlight = state.inFlight() + 1;
                state.timeline().add(new Point(nanos, inFlight));
                yield Result.noreply(new State(inFlight, Math.max(inFlight, state.mostAtOnce()),
                        state.ended(), state.overtaken(), state.timeline(), state.landed()));
            }
            case Ended(long nanos, String key, int bytes) -> {
                int inFlight = state.inFlight() - 1;
                state.timeline().add(new Point(nanos, inFlight));
                int largest = state.landed().merge(key, bytes, Math::max);
                int overtaken = state.overtaken() + (bytes < largest ? 1 : 0);
                yield Result.noreply(new State(inFlight, state.mostAtOnce(), state.ended() + 1,
                        overtaken, state.timeline(), state.landed()));
            }
            case Call<?> call -> throw new AssertionError(call); // cast takes a Cast only
        };
    }

    @Override
    public Result<State> handleCall(Request request, From from, State state) {
        return switch (request) {
            case Read() -> Result.reply(
                    new Figures(state.inFlight(), state.mostAtOnce(), state.ended(),
                            state.overtaken(), List.copyOf(state.timeline())),
                    state);
            case Cast cast -> throw new AssertionError(cast); // call takes a Call only
        };
    }
}
