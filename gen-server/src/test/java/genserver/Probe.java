package genserver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A small server for the runtime's tests: it records what it receives, and can be told to fail,
 * to answer later, or to wait for a latch before answering.
 */
final class Probe implements GenServer<List<Object>, Probe.Msg> {

    sealed interface Msg {}

    record Record(Object item) implements Msg, Cast {}

    record Recorded() implements Msg, Call<List<Object>> {}

    record Echo<T>(T value) implements Msg, Call<T> {}

    record Crash(String why) implements Msg, Cast {}

    /** {@link Crash} as a call: the caller waits for an answer that never comes. */
    record CrashInCall(String why) implements Msg, Call<Object> {}

    record AwaitThenEcho<T>(CountDownLatch latch, T value) implements Msg, Call<T> {}

    /** Answers later, from a one-off process, after the latch opens. */
    record ReplyLater<T>(CountDownLatch latch, T value) implements Msg, Call<T> {}

    /** As {@link ReplyLater}, and counts {@code replied} down once the reply has been given. */
    record ReplyLaterAndSay<T>(CountDownLatch latch, T value, CountDownLatch replied)
            implements
                Msg,
                Call<T> {}

    record CallSelf() implements Msg, Call<List<Object>> {}

    /** Sends a request to its own pid, the first item in its state, from inside a call. */
    record SendRequestToSelf() implements Msg, Call<String> {}

    /** Asks the server to {@code GenServer.stop} its own process from inside a callback. */
    record StopSelf() implements Msg, Cast {}

    /** {@link StopSelf} as a call. */
    record StopSelfInCall() implements Msg, Call<String> {}

    /** A request that wrongly declares both kinds: the runtime refuses it as a cast. */
    record Both() implements Msg, Cast, Call<String> {}

    private final List<Object> terminatedWith;
    private final Object continueArg;

    Probe() {
        this(new ArrayList<>(), null);
    }

    Probe(List<Object> terminatedWith, Object continueArg) {
        this.terminatedWith = terminatedWith;
        this.continueArg = continueArg;
    }

    @Override
    public Result<List<Object>> init() {
        return continueArg == null
                ? Result.ok(List.of())
                : Result.continueWith(List.of("init"), continueArg);
    }

    @Override
    public Result<List<Object>> handleContinue(Object arg, List<Object> state) {
        return Result.noreply(append(state, "continue " + arg));
    }

    @Override
    public Result<List<Object>> handleCall(Msg request, From from, List<Object> state) {
        return switch (request) {
            case Recorded() -> Result.reply(state, state);
            case Echo(Object value) -> Result.reply(value, state);
            case CrashInCall(String why) -> throw new IllegalStateException(why);
            case AwaitThenEcho(CountDownLatch latch, Object value) -> {
                await(latch);
                yield Result.reply(value, state);
            }
            case ReplyLater(CountDownLatch latch, Object value) -> {
                GenServer.spawn(() -> {
                    await(latch);
                    GenServer.reply(from, value);
                });
                yield Result.noreply(state);
            }
            case ReplyLaterAndSay(CountDownLatch latch, Object value, CountDownLatch replied) -> {
                GenServer.spawn(() -> {
                    await(latch);
                    GenServer.reply(from, value);
                    replied.countDown();
                });
                yield Result.noreply(state);
            }
            case SendRequestToSelf() -> {
                GenServer.sendRequest(selfPid(state), new Recorded());
                yield Result.reply("sent", state);
            }
            case CallSelf() -> Result.reply(GenServer.call(selfPid(state), new Recorded()), state);
            case StopSelfInCall() -> {
                GenServer.stop(selfPid(state));
                yield Result.reply("stopped", state);
            }
            case Both both -> Result.reply("both", state);
            case Cast cast -> throw new AssertionError(cast); // GenServer.call takes a Call only
        };
    }

    @Override
    public Result<List<Object>> handleCast(Msg request, List<Object> state) {
        return switch (request) {
            case Record(Object item) -> Result.noreply(append(state, item));
            case Crash(String why) -> throw new IllegalStateException(why);
            case StopSelf() -> {
                GenServer.stop(selfPid(state));
                yield Result.noreply(state);
            }
            case Call<?> call -> throw new AssertionError(call); // GenServer.cast refuses a Call
        };
    }

    @Override
    public void terminate(Object reason, List<Object> state) {
        terminatedWith.add(reason);
    }

    @SuppressWarnings("unchecked")
    private static Pid<Msg> selfPid(List<Object> state) {
        return (Pid<Msg>) state.getFirst();
    }

    private static List<Object> append(List<Object> state, Object item) {
        var next = new ArrayList<>(state);
        next.add(item);
        return List.copyOf(next);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
