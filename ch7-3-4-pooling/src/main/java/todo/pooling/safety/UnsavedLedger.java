package todo.pooling.safety;

import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import todo.persistence.TodoServer;
import todo.persistence.safety.Saving;
import todo.persistence.safety.WriteStatus;

/**
 * Designs 2 and 6 write in the caller, each list's own to-do server, and it is that server that
 * keeps a list whose write failed. This small process is where the servers say so, so that the
 * design's {@code writeStatus} and {@code retry} tell the truth. It writes nothing itself: a
 * retry asks each server to store its list again, so a list keeps its one writer.
 *
 * <p>It also counts the writes under way, so that the design's close waits for them: a server asks
 * it before it writes ({@link Begin}, refused once the close has begun) and tells it after
 * ({@link End}); the close ({@link Drain}) is answered once none is left. A write that landed
 * after the close would land in a folder that may have another owner by then, over a newer list.
 */
public final class UnsavedLedger implements GenServer<UnsavedLedger.State, UnsavedLedger.Request> {

    /** The ledger's protocol. */
    public sealed interface Request permits Failed, Written, Retry, Status, Begin, End, Drain {}

    /** A cast: {@code server} could not write {@code key}, and keeps it. */
    public record Failed(String key, Pid<TodoServer.Request> server) implements Request, Cast {
        public Failed {
            Objects.requireNonNull(server, "server"); // refused in the sender
        }
    }

    /** A call before a write: answered true, the write counted, unless the close has begun. */
    public record Begin() implements Request, Call<Boolean> {}

    /** A cast after a write that {@link Begin} let through, whatever its outcome. */
    public record End() implements Request, Cast {}

    /** A call as the design closes: no write begins from now on; answered once none runs. */
    public record Drain() implements Request, Call<String> {}

    /** A cast: the list is written since. */
    public record Written(String key) implements Request, Cast {}

    /** A cast: ask every server with an unsaved list to store it again. */
    public record Retry() implements Request, Cast {}

    /** A call, answered with the {@link WriteStatus}. */
    public record Status() implements Request, Call<WriteStatus> {}

    /**
     * Which server keeps each unsaved list, how many writes have failed, how many run now, whether
     * the close has begun (then no write begins), and who waits for it.
     */
    public record State(Map<String, Pid<TodoServer.Request>> unsaved, long failedWrites,
            int writing, boolean closing, List<From> drains) {

        State withWriting(int writing) {
            return new State(unsaved, failedWrites, writing, closing, drains);
        }

        /** Answers those who wait for the close once no write runs. */
        State drained() {
            if (writing == 0) {
                drains.forEach(from -> GenServer.reply(from, "drained"));
                drains.clear();
            }
            return this;
        }
    }

    /** Starts a ledger for one design's folder (or database). */
    public static Pid<Request> start() {
        return GenServer.start(new UnsavedLedger());
    }

    @Override
    public Result<State> init() {
        return Result.ok(new State(new LinkedHashMap<>(), 0, 0, false, new ArrayList<>()));
    }

    @Override
    public Result<State> handleCast(Request request, State state) {
        switch (request) {
            case Failed(String key, Pid<TodoServer.Request> server) -> {
                state.unsaved().put(key, server);
                return Result.noreply(new State(state.unsaved(), state.failedWrites() + 1,
                        state.writing(), state.closing(), state.drains()));
            }
            case Written(String key) -> state.unsaved().remove(key);
            case End() -> {
                return Result.noreply(state.withWriting(state.writing() - 1).drained());
            }
            case Retry() -> {
                forgetTheLost(state);
                state.unsaved().values().forEach(Saving::askToStoreAgain);
            }
            case Call<?> call -> throw new AssertionError(call); // cast takes a Cast only
        }
        return Result.noreply(state);
    }

    @Override
    public Result<State> handleCall(Request request, From from, State state) {
        return switch (request) {
            case Status() -> {
                forgetTheLost(state);
                yield Result.reply(new WriteStatus(new ArrayList<>(state.unsaved().keySet()),
                        state.failedWrites()), state);
            }
            case Begin() -> state.closing()
                    ? Result.reply(false, state)
                    : Result.reply(true, state.withWriting(state.writing() + 1));
            case Drain() -> {
                state.drains().add(from);
                yield Result.noreply(new State(state.unsaved(), state.failedWrites(),
                        state.writing(), true, state.drains()).drained());
            }
            case Cast cast -> throw new AssertionError(cast); // call takes a Call only
        };
    }

    /**
     * A server that has ended has either stored its list as it stopped (and said so) or logged it
     * as lost: in neither case is there anything left to write again.
     */
    private static void forgetTheLost(State state) {
        state.unsaved().values().removeIf(server -> !GenServer.isAlive(server));
    }
}
