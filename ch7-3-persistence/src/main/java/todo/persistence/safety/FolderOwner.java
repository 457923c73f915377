package todo.persistence.safety;

import genserver.AlreadyStartedException;
import genserver.Call;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.ProcessExitException;
import genserver.Result;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import todo.persistence.FileStorage;
import todo.persistence.StorageException;

/**
 * The one process registered for a folder, whichever design serves it: as the book registers
 * {@code Todo.Database} under one name, a folder has one writer. It starts the design's processes
 * (in its own {@code init}), hands them to every later start of the same design on that folder,
 * counts its users (a set of leases, its own state: no shared field), and stops them when the
 * last user leaves. A start of another design on a folder already served is refused with an error
 * that names the running design: two writers on one folder could overtake each other's writes,
 * and one's {@code recover()} could delete the other's temporary files. Another program (a second
 * JVM: the step's demo beside a JShell on one folder) is kept out the same way, by the folder's
 * {@link FileStorage#claim() claim}, which the owner holds while it lives.
 *
 * <p>If the design's process has died all the same (stopped directly, or a bug), the next start
 * starts it again: the small part of a supervisor's work this step needs.
 */
public final class FolderOwner implements GenServer<FolderOwner.State, FolderOwner.Request> {

    /** The owner's protocol: calls only. */
    public sealed interface Request permits Join, Leave {}

    /** A call, answered with a lease on the running design if it is {@code design}, else a refusal. */
    public record Join(String design) implements Request, Call<Joined> {
        public Join {
            Objects.requireNonNull(design, "design"); // refused in the caller, not in the owner
        }
    }

    /** A call: gives the lease back, answered once it is; the last one stops the design. */
    public record Leave(long lease) implements Request, Call<Left> {}

    /** The answer to a {@link Join}. */
    public sealed interface Joined permits Granted, Refused {}

    /** A lease on the design that serves the folder, and its handle. */
    public record Granted(Object handle, long lease) implements Joined {}

    /** Another design serves the folder: {@code running} names it. */
    public record Refused(String running) implements Joined {}

    /** The answer to a {@link Leave}: whether others still hold leases, or the design was stopped. */
    public enum Left {
        STILL_SERVED, STOPPED
    }

    /** What a design runs on a folder: its handle, whether it is alive, how to stop it. */
    public record Served(Object handle, BooleanSupplier alive, Runnable stop) {}

    /** A design served by one process: alive while it is, stopped with it. */
    public static Served process(Pid<?> process) {
        return new Served(process, () -> GenServer.isAlive(process), () -> stopIfAlive(process));
    }

    /**
     * A store to a database that has stopped (its last user closed it) would be a cast to a dead
     * process, lost without a word: it fails loudly in the caller instead, and a to-do server keeps
     * the list and stores it again with its next change ({@link Saving}). Every design whose store
     * is a cast to one process calls this first.
     */
    public static void requireAlive(Pid<?> database, String key) {
        if (!GenServer.isAlive(database)) {
            throw new StorageException("the to-do list '" + key + "' is not stored: its database "
                    + database + " has stopped", null);
        }
    }

    /** Stops a process unless it has ended already. */
    public static void stopIfAlive(Pid<?> process) {
        try {
            GenServer.stop(process);
        } catch (ProcessExitException alreadyStopped) {
            // stopped by someone else meanwhile: nothing left to do
        }
    }

    /**
     * A user is done: gives its {@code lease} back (the last one stops the design), or, for a
     * process started over any storage without one, stops {@code process}.
     */
    public static void close(Lease<?> lease, Pid<?> process) {
        if (lease != null) {
            lease.release();
        } else {
            stopIfAlive(process);
        }
    }

    /** A start's share of the folder: the design's handle, and the lease to give back. */
    public record Lease<T>(T handle, Pid<Request> owner, long lease) {
        /**
         * Gives the lease back; once only counts, as the lease is one number. The last one waits,
         * without a time limit, until the design has stopped: a database drains its mailbox first,
         * and a backlog of writes takes as long as it takes (5 s, OTP's default, would abandon it).
         */
        public void release() {
            try {
                GenServer.call(owner, new Leave(lease), GenServer.INFINITY);
            } catch (ProcessExitException gone) {
                // the owner is gone already: nothing left to release
            }
        }
    }

    record State(String design, Supplier<Served> starter, Served served, Set<Long> leases,
            SecureRandom random, FileStorage.Claim claim) {}

    /** Why an owner did not start: another program holds the folder. */
    record Taken(String message) {}

    private final FileStorage files;
    private final String design;
    private final Supplier<Served> starter;

    private FolderOwner(FileStorage files, String design, Supplier<Served> starter) {
        this.files = files;
        this.design = design;
        this.starter = starter;
    }

    /**
     * A lease on {@code design}'s processes for {@code files}' folder: the running ones, or new
     * ones from {@code starter}.
     *
     * @throws IllegalStateException if another design, or another program, serves the folder;
     *     the message names it
     */
    @SuppressWarnings("unchecked")
    public static <T> Lease<T> acquire(FileStorage files, String design,
            Supplier<Served> starter) {
        // Checked here, in the caller: the owner process is shared by every user of the folder
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(starter, "starter");
        String name = files.ownerName("todo database");
        for (int attempt = 0;; attempt++) {
            Pid<Request> owner;
            try {
                owner = GenServer.start(name, new FolderOwner(files, design, starter));
            } catch (AlreadyStartedException e) {
                owner = (Pid<Request>) e.pid();
            } catch (ProcessExitException e) {
                if (e.reason() instanceof Taken(String message)) {
                    throw new IllegalStateException(message);
                }
                throw e;
            }
            try {
                // No time limit: the owner may be stopping its design for the user that left last,
                // which takes as long as that design's backlog of writes
                switch (GenServer.call(owner, new Join(design), GenServer.INFINITY)) {
                    case Refused(String running) -> throw new IllegalStateException("the folder "
                            + files.folder() + " is already served by " + running + " (" + owner
                            + "), not by " + design + ": one folder has one writer");
                    // the owner serves one design, whose handle is a T
                    case Granted(Object handle, long lease) -> {
                        return new Lease<>((T) handle, owner, lease);
                    }
                }
            } catch (ProcessExitException ending) {
                if (attempt == 10) { // its last user left as we came: start a new one
                    throw ending;
                }
            }
        }
    }

    /** What {@code starter} started, or an error that says which design started nothing. */
    private static Served started(Supplier<Served> starter, String design) {
        return Objects.requireNonNull(starter.get(), () -> "the starter of " + design
                + " returned no design to serve the folder");
    }

    @Override
    public Result<State> init() {
        FileStorage.Claim claim;
        try {
            claim = files.claim();
        } catch (IllegalStateException taken) {
            return Result.stop(new Taken(taken.getMessage()), null);
        }
        try {
            return Result.ok(new State(design, starter, started(starter, design), new HashSet<>(),
                    new SecureRandom(), claim));
        } catch (RuntimeException | Error failed) {
            claim.close(); // the design did not start: the folder is free again
            throw failed;
        }
    }

    @Override
    public Result<State> handleCall(Request request, From from, State state) {
        return switch (request) {
            case Join(String asked) when !asked.equals(state.design()) ->
                Result.reply(new Refused(state.design()), state);
            case Join join -> {
                Served served = state.served().alive().getAsBoolean()
                        ? state.served()
                        : started(state.starter(), state.design()); // stopped or died: again
                // A random number, not the next one, from a generator whose numbers do not give
                // away the others: a lease nobody was granted cannot be guessed and given back (the
                // last one given back stops the design for every user)
                long lease;
                do {
                    lease = state.random().nextLong();
                } while (!state.leases().add(lease));
                yield Result.reply(new Granted(served.handle(), lease),
                        new State(state.design(), state.starter(), served, state.leases(),
                                state.random(), state.claim()));
            }
            case Leave(long lease) -> {
                if (state.leases().remove(lease) && state.leases().isEmpty()) {
                    state.served().stop().run(); // before the answer: close returns once it ended
                    state.claim().close(); // and the folder is free for another program
                    GenServer.reply(from, Left.STOPPED);
                    yield Result.stop("normal", state);
                }
                yield Result.reply(Left.STILL_SERVED, state);
            }
        };
    }

    @Override
    public void terminate(Object reason, State state) {
        if (state != null && !state.leases().isEmpty() && state.served().alive().getAsBoolean()) {
            state.served().stop().run();
        }
        if (state != null) {
            state.claim().close(); // a second close, after a Leave's, does nothing
        }
    }
}
