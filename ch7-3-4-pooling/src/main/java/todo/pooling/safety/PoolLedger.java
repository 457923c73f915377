package todo.pooling.safety;

import genserver.CallTimeoutException;
import genserver.Call;
import genserver.Cast;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.ProcessExitException;
import genserver.Result;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import todo.TodoList;
import todo.persistence.StorageException;
import todo.persistence.safety.FolderOwner;
import todo.persistence.safety.WriteStatus;
import todo.pooling.CheckoutPoolDatabase;

/**
 * Design 5's hardening ({@link CheckoutPoolDatabase}), the pool's one bookkeeping process: a worker
 * is not tied to a key, so no worker can keep a failed write to write it again. The ledger numbers each list's stores and starts their writes,
 * at most {@code maxWrites} at once (the pool's size: more would only wait for a worker, one
 * live process each), in one-off processes that borrow any worker, so two writes of one list
 * may still overtake each other. The others wait in its queue, in order: every store is
 * written, as poolboy's callers each run their own transaction. It keeps the latest list of each
 * store not known to be on disk yet, which {@code get} answers, and the list of the latest
 * store whose write failed, until a later write of it works. Its state is its own: no other
 * process touches it.
 */
public final class PoolLedger implements GenServer<PoolLedger.State, PoolLedger.Request> {

    /** The ledger's protocol. */
    public sealed interface Request
            permits Self, Store, Outcome, Retry, Unsaved, Status, Queued, Drain {}

    /** A cast from {@link #start}: the ledger's own pid (OTP's {@code self()}). */
    public record Self(Pid<Request> pid) implements Request, Cast {}

    /** A cast: number this store of the list and write it through the pool. */
    public record Store(String key, TodoList list) implements Request, Cast {}

    /** A cast from a one-off writer: whether store number {@code generation} is on disk. */
    public record Outcome(String key, TodoList list, long generation, boolean onDisk)
            implements
                Request,
                Cast {}

    /** A cast: write the unsaved lists again. */
    public record Retry() implements Request, Cast {}

    /**
     * A call: the latest stored list under {@code key} not known to be on disk yet (its write
     * is queued, running or failed), if there is one ({@link Kept}).
     */
    public record Unsaved(String key) implements Request, Call<Kept> {}

    /** A call: the {@link WriteStatus}. */
    public record Status() implements Request, Call<WriteStatus> {}

    /** A call: how many writes wait in the ledger's queue. */
    public record Queued() implements Request, Call<Integer> {}

    /** A call, as the pool stops: answered once no write is queued or running. */
    public record Drain() implements Request, Call<String> {}

    /** The answer to {@link Unsaved}: the list, or null if there is none. */
    public record Kept(TodoList list) {}

    /** Store number {@code generation} of {@code key}, waiting for its turn to be written. */
    public record Write(String key, TodoList list, long generation) {}

    /**
     * Each list's stores and the writes of them not reported yet ({@link ListWrites}); the
     * lists whose latest write failed; the writes waiting and the number running; the
     * failures; who waits for the drain (or null); its own pid.
     */
    public record State(ListWrites lists, Map<String, TodoList> unsaved, ArrayDeque<Write> queue,
            int running, long failedWrites, From drain, Pid<Request> self) {
        State with(int running, long failedWrites, From drain, Pid<Request> self) {
            return new State(lists, unsaved, queue, running, failedWrites, drain, self);
        }
    }

    /**
     * Its log keeps the name it had as {@code CheckoutPoolDatabase.Ledger}, which log
     * configurations (and {@code CheckoutPoolShutdownTest}) know.
     */
    private static final System.Logger LOG = System
            .getLogger(CheckoutPoolDatabase.class.getName() + "$Ledger");

    /** Writes one list through the pool; returns whether it is on disk. */
    private final BiPredicate<String, TodoList> write;
    private final int maxWrites;

    private PoolLedger(BiPredicate<String, TodoList> write, int maxWrites) {
        this.write = write;
        this.maxWrites = maxWrites;
    }

    // ---- interface functions: run in the caller ----

    /** A ledger that writes through {@code write}, at most {@code maxWrites} at once. */
    public static Pid<Request> start(BiPredicate<String, TodoList> write, int maxWrites) {
        Pid<Request> ledger = GenServer.start(new PoolLedger(write, maxWrites));
        GenServer.cast(ledger, new Self(ledger));
        return ledger;
    }

    /**
     * A store, numbered and queued; a cast. Refused in the caller once the ledger has stopped (the
     * pool closes only after it): the write would be lost, unheard.
     */
    public static void store(Pid<Request> ledger, String key, TodoList list) {
        if (!GenServer.isAlive(ledger)) {
            throw new StorageException("the to-do list '" + key + "' is not stored: its pool of "
                    + "workers is closed, or its ledger " + ledger + " has stopped", null);
        }
        GenServer.cast(ledger, new Store(key, list));
    }

    /** The latest stored list under {@code key} not known to be on disk yet, or null. */
    public static TodoList unsaved(Pid<Request> ledger, String key) {
        Kept kept = GenServer.call(ledger, new Unsaved(key));
        return kept.list();
    }

    public static void retry(Pid<Request> ledger) {
        GenServer.cast(ledger, new Retry());
    }

    /** The unsaved lists, and the failed writes reported to the ledger. */
    public static WriteStatus status(Pid<Request> ledger) {
        return GenServer.call(ledger, new Status());
    }

    /** How many writes wait in the ledger's queue; none once it has stopped. */
    public static int queued(Pid<Request> ledger) {
        try {
            return GenServer.isAlive(ledger) ? GenServer.call(ledger, new Queued()) : 0;
        } catch (ProcessExitException stopped) {
            return 0;
        }
    }

    /**
     * Waits until every write the ledger accepted has reported (on disk or failed), up to {@link
     * #DRAIN}; then stops the ledger (its last try writes through the pool, and it logs each list
     * still lost). Only then may the pool close, which interrupts any borrower.
     */
    public static void drainAndStop(Pid<Request> ledger) {
        try {
            GenServer.call(ledger, new Drain(), DRAIN);
        } catch (CallTimeoutException e) {
            LOG.log(System.Logger.Level.ERROR, "the pool's writes did not end within " + DRAIN
                    + "; it stops all the same, and logs each list that may be lost");
        } catch (ProcessExitException stopped) {
            // the ledger has stopped already (stopped twice, or a bug): nothing left to drain
        }
        FolderOwner.stopIfAlive(ledger);
    }

    /** How long a close waits for the writes in flight: long, but not forever. */
    static final Duration DRAIN = Duration.ofSeconds(60);

    // ---- callbacks: run in the ledger's process ----

    @Override
    public Result<State> init() {
        return Result.ok(new State(new ListWrites(), new LinkedHashMap<>(), new ArrayDeque<>(),
                0, 0, null, null));
    }

    @Override
    public Result<State> handleCast(Request request, State state) {
        return switch (request) {
            case Self(Pid<Request> self) -> Result.noreply(
                    state.with(state.running(), state.failedWrites(), state.drain(), self));
            case Store(String key, TodoList list) -> {
                accept(state, key, list);
                yield Result.noreply(startWrites(state));
            }
            case Retry() -> {
                List.copyOf(state.unsaved().entrySet()).forEach(e -> {
                    if (state.lists().pending(e.getKey()) == null) { // else a newer one comes
                        accept(state, e.getKey(), e.getValue());
                    }
                });
                yield Result.noreply(startWrites(state));
            }
            case Outcome(String key, TodoList list, long generation, boolean onDisk) -> {
                if (state.lists().isLatest(key, generation)) {
                    if (onDisk) {
                        state.unsaved().remove(key);
                    } else {
                        state.unsaved().put(key, list);
                    }
                }
                TodoList again = state.lists().finished(key); // overtaken: see ListWrites
                if (again != null && !state.unsaved().containsKey(key)) {
                    accept(state, key, again);
                }
                yield Result.noreply(startWrites(state.with(state.running() - 1,
                        state.failedWrites() + (onDisk ? 0 : 1), state.drain(),
                        state.self())));
            }
            case Call<?> call -> throw new AssertionError(call); // cast takes a Cast only
        };
    }

    /** Numbers this store of the list and queues its write. */
    private static void accept(State state, String key, TodoList list) {
        state.queue().add(new Write(key, list, state.lists().accept(key, list)));
    }

    /**
     * Starts queued writes while fewer than {@code maxWrites} run; answers a drain once nothing
     * is queued or running.
     */
    private State startWrites(State state) {
        int running = state.running();
        while (running < maxWrites && !state.queue().isEmpty()) {
            Write next = state.queue().poll();
            state.lists().started(next.key(), next.generation());
            spawnWrite(state.self(), next);
            running++;
        }
        From drain = state.drain();
        if (drain != null && running == 0 && state.queue().isEmpty()) {
            GenServer.reply(drain, "drained");
            drain = null;
        }
        return state.with(running, state.failedWrites(), drain, state.self());
    }

    /** A one-off process writes through the pool and reports the outcome. */
    private void spawnWrite(Pid<Request> ledger, Write next) {
        GenServer.spawn(() -> {
            boolean onDisk;
            try {
                onDisk = write.test(next.key(), next.list());
            } catch (RuntimeException e) { // no worker (the pool closed) or one died: a bug
                LOG.log(System.Logger.Level.WARNING, "the write of the to-do list '"
                        + next.key() + "' did not reach a worker: " + e);
                onDisk = false;
            }
            GenServer.cast(ledger,
                    new Outcome(next.key(), next.list(), next.generation(), onDisk));
        });
    }

    @Override
    public Result<State> handleCall(Request request, From from, State state) {
        return switch (request) {
            case Unsaved(String key) -> Result.reply(new Kept(state.lists().pending(key) != null
                    ? state.lists().pending(key)
                    : state.unsaved().get(key)), state);
            case Status() -> Result.reply(new WriteStatus(
                    List.copyOf(state.unsaved().keySet()), state.failedWrites()), state);
            case Queued() -> Result.reply(state.queue().size(), state);
            case Drain() -> Result.noreply(startWrites(
                    state.with(state.running(), state.failedWrites(), from, state.self())));
            case Cast cast -> throw new AssertionError(cast); // call takes a Call only
        };
    }

    /**
     * As the pool stops, after the drain: one last try through it for each list whose write
     * failed or is still queued, and a log line for each list still lost; a write still
     * running (the drain timed out) may be lost too, and is logged as such.
     */
    @Override
    public void terminate(Object reason, State state) {
        if (state == null) {
            return;
        }
        var last = new LinkedHashMap<>(state.unsaved());
        var running = new LinkedHashMap<String, TodoList>();
        state.lists().pending().forEach((key, list) -> {
            long latest = state.lists().generation(key);
            boolean queued = state.queue().stream()
                    .anyMatch(w -> w.key().equals(key) && w.generation() == latest);
            if (queued) {
                last.put(key, list); // newer than any unsaved one
            } else {
                last.remove(key); // its unsaved list is older than the one running
                running.put(key, list);
            }
        });
        last.forEach((key, list) -> {
            boolean onDisk;
            try {
                onDisk = write.test(key, list);
            } catch (RuntimeException e) {
                onDisk = false;
            }
            if (!onDisk) {
                LOG.log(System.Logger.Level.ERROR, "the to-do list '" + key
                        + "' was never written and is lost with the pool");
            }
        });
        running.keySet().forEach(key -> LOG.log(System.Logger.Level.ERROR, "the to-do list '"
                + key + "' was still being written as the pool stopped and may be lost"));
    }
}
