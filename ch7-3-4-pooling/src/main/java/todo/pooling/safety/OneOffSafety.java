package todo.pooling.safety;

import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.ProcessExitException;
import genserver.Result;
import todo.TodoList;
import todo.persistence.ListStore;
import todo.persistence.Storage;
import todo.persistence.StorageException;
import todo.persistence.TodoDatabase;
import todo.persistence.safety.FolderOwner;
import todo.persistence.safety.Loaded;
import todo.persistence.safety.PendingWrites;
import todo.persistence.safety.WriteStatus;
import todo.pooling.OneOffWorkerDatabase;

/**
 * What design 3's database does beyond the book's spawn. Each one-off write reports back to the
 * database, which keeps a list whose write failed (unless a newer store of it came meanwhile) and
 * writes it again later; {@link ListWrites} numbers each list's stores, so that a failure reported
 * late never brings back an older list, a get answers the latest stored list while its write
 * still runs, and a write overtaken by an older one is written again. The database stops only once
 * every write it started has reported: a worker still writing would report to no one.
 */
public final class OneOffSafety {
    private OneOffSafety() {}

    /** The database's safety casts, which it gets inside a {@link OneOffWorkerDatabase.Safety}. */
    public sealed interface Note permits Self, Written, WriteFailed, Retry {}

    /** Its safety calls, inside a {@link OneOffWorkerDatabase.SafetyCall}, answered with R. */
    public sealed interface Ask<R> permits Status, Drain {}

    /** A cast from {@code start}: the database's own pid, where its workers report (OTP's {@code self()}). */
    public record Self(Pid<OneOffWorkerDatabase.Request> pid) implements Note {}

    /** A cast from a worker: the write of store number {@code generation} of {@code key} worked. */
    public record Written(String key, long generation) implements Note {}

    /** A cast from a worker: that write failed, for {@code cause}; {@code list} null: a bug. */
    public record WriteFailed(String key, TodoList list, long generation, String cause)
            implements
                Note {}

    /** A cast: write again the lists whose write failed. */
    public record Retry() implements Note {}

    /** The {@link WriteStatus}. */
    public record Status() implements Ask<WriteStatus> {}

    /** As the database stops: answered once no one-off write runs. */
    public record Drain() implements Ask<String> {}

    /**
     * The database's state: its writes, each list's stores and the writes of them still running,
     * its own pid, and who waits for the drain (or null). Only the database's process touches it.
     */
    public record State(PendingWrites writes, ListWrites lists,
            Pid<OneOffWorkerDatabase.Request> self,
            From drain) {

        /** The store the one-off workers read and write. */
        public ListStore store() {
            return writes.store();
        }

        /** A store of {@code key}: the write a one-off worker runs, numbered as the list's latest. */
        public Write accept(String key, TodoList list) {
            writes.superseded(key);
            return write(key, list);
        }

        private Write write(String key, TodoList list) {
            long generation = lists.accept(key, list);
            lists.started(key, generation);
            return new Write(store(), key, list, generation, self);
        }

        /** What a get answers from memory: the latest list stored whose write has not landed, or null. */
        public Loaded pending(String key) {
            TodoList latest = lists.pending(key) != null
                    ? lists.pending(key)
                    : writes.unsaved().get(key);
            return latest != null ? new Loaded.Found(latest) : null;
        }

        State drained() {
            if (drain != null && lists.idle()) {
                GenServer.reply(drain, "drained");
                return new State(writes, lists, self, null);
            }
            return this;
        }
    }

    /** A one-off worker's job: write the list, and report the outcome to the database. */
    public record Write(ListStore store, String key, TodoList list, long generation,
            Pid<OneOffWorkerDatabase.Request> database) implements Runnable {
        @Override
        public void run() {
            Note outcome;
            try {
                store.save(key, list);
                outcome = new Written(key, generation);
            } catch (StorageException e) {
                outcome = new WriteFailed(key, list, generation, e.getMessage());
            } catch (RuntimeException e) { // a bug: reported, not kept, as PendingWrites does
                outcome = new WriteFailed(key, null, generation,
                        "the write of the to-do list '" + key + "' failed: " + e);
            }
            if (database != null) {
                GenServer.cast(database, new OneOffWorkerDatabase.Safety(outcome));
            }
        }
    }

    // ---- interface functions: run in the caller ----

    /** Tells a new database its own pid; returns it. */
    public static Pid<OneOffWorkerDatabase.Request> introduced(
            Pid<OneOffWorkerDatabase.Request> database) {
        GenServer.cast(database, new OneOffWorkerDatabase.Safety(new Self(database)));
        return database;
    }

    /** A new database as its folder's owner serves it: stopped by {@link #drainAndStop}. */
    public static FolderOwner.Served served(Pid<OneOffWorkerDatabase.Request> database) {
        introduced(database);
        return new FolderOwner.Served(database, () -> GenServer.isAlive(database),
                () -> drainAndStop(database));
    }

    /**
     * Stops the database once every one-off write it started has reported: a worker still writing
     * when the database ended would report to no one, and a failure or an overtaken write would be
     * lost without a word.
     */
    public static void drainAndStop(Pid<OneOffWorkerDatabase.Request> database) {
        try {
            GenServer.call(database, new OneOffWorkerDatabase.SafetyCall<>(new Drain()),
                    GenServer.INFINITY);
        } catch (ProcessExitException alreadyStopped) {
            return;
        }
        FolderOwner.stopIfAlive(database);
    }

    public static void retry(Pid<OneOffWorkerDatabase.Request> database) {
        GenServer.cast(database, new OneOffWorkerDatabase.Safety(new Retry()));
    }

    public static WriteStatus status(Pid<OneOffWorkerDatabase.Request> database) {
        return GenServer.call(database, new OneOffWorkerDatabase.SafetyCall<>(new Status()));
    }

    // ---- in the database's process ----

    /** The state of a new database over {@code storage}, once its leftovers are recovered. */
    public static State init(Storage storage) {
        var store = new ListStore(storage);
        store.recover();
        return new State(new PendingWrites(store), new ListWrites(), null, null);
    }

    /** A safety cast: the new state. */
    public static State cast(Note note, State state) {
        PendingWrites writes = state.writes();
        switch (note) {
            case Self(Pid<OneOffWorkerDatabase.Request> self) -> {
                return new State(writes, state.lists(), self, state.drain());
            }
            case Retry() -> writes.unsaved().forEach((key, list) -> spawn(state.write(key, list)));
            case Written(String key, long generation) -> {
                if (state.lists().isLatest(key, generation)) {
                    writes.written(key);
                }
                writeAgainIfOvertaken(state, key);
            }
            case WriteFailed(String key, TodoList list, long generation, String cause) -> {
                boolean latest = state.lists().isLatest(key, generation);
                writes.failed(key, latest ? list : null, cause); // kept, unless it was a bug
                writeAgainIfOvertaken(state, key);
            }
        }
        return state.drained();
    }

    /** The last of writes of one list that ran at once has reported: see {@link ListWrites}. */
    private static void writeAgainIfOvertaken(State state, String key) {
        TodoList again = state.lists().finished(key);
        if (again != null && !state.writes().unsaved().containsKey(key)) {
            spawn(state.write(key, again));
        }
    }

    private static void spawn(Write write) {
        GenServer.spawn(write);
    }

    /** A safety call. */
    public static Result<State> call(Ask<?> ask, From caller, State state) {
        return switch (ask) {
            case Status() -> Result.reply(state.writes().status(), state);
            case Drain() -> Result.noreply(
                    new State(state.writes(), state.lists(), state.self(), caller).drained());
        };
    }

    /** As the database ends: one last try of its failed writes, and a log line for each one lost. */
    public static void terminate(State state) {
        if (state != null) {
            state.writes().close();
        }
    }
}
