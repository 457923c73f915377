package todo.pooling.safety;

import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import todo.persistence.TodoServer;
import todo.persistence.safety.Saving;
import todo.persistence.safety.WriteStatus;

/**
 * Designs 2 and 6 write in the caller, each list's own to-do server, and it is that server that
 * keeps a list whose write failed. This small process is where the servers say so, so that the
 * design's {@code writeStatus} and {@code retry} tell the truth. It writes nothing itself: a
 * retry asks each server to store its list again, so a list keeps its one writer.
 */
public final class UnsavedLedger implements GenServer<UnsavedLedger.State, UnsavedLedger.Request> {

    /** The ledger's protocol. */
    public sealed interface Request permits Failed, Written, Retry, Status {}

    /** A cast: {@code server} could not write {@code key}, and keeps it. */
    public record Failed(String key, Pid<TodoServer.Request> server) implements Request, Cast {}

    /** A cast: the list is written since. */
    public record Written(String key) implements Request, Cast {}

    /** A cast: ask every server with an unsaved list to store it again. */
    public record Retry() implements Request, Cast {}

    /** A call, answered with the {@link WriteStatus}. */
    public record Status() implements Request, Call<WriteStatus> {}

    /** Which server keeps each unsaved list, and how many writes have failed. */
    public record State(Map<String, Pid<TodoServer.Request>> unsaved, long failedWrites) {}

    /** Starts a ledger for one design's folder (or database). */
    public static Pid<Request> start() {
        return GenServer.start(new UnsavedLedger());
    }

    @Override
    public Result<State> init() {
        return Result.ok(new State(new LinkedHashMap<>(), 0));
    }

    @Override
    public Result<State> handleCast(Request request, State state) {
        switch (request) {
            case Failed(String key, Pid<TodoServer.Request> server) -> {
                state.unsaved().put(key, server);
                return Result.noreply(new State(state.unsaved(), state.failedWrites() + 1));
            }
            case Written(String key) -> state.unsaved().remove(key);
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
