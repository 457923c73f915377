package genserver;

import genserver.Message.CastMessage;
import genserver.Message.SystemStop;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The runtime behind a {@link Pid}: one virtual thread that owns the server's state and reads one
 * unbounded FIFO mailbox, handling one message at a time. Everything the outside world does to a
 * process arrives as a message; only this thread ever calls the server's callbacks or sees its
 * state. A spawned one-off body is a {@link OneOff} server, so there is one kind of process.
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>Who races whom.</b> Many senders (callers, casters, stoppers, in any thread) race each
 * other and the process's own thread on {@link #inbox}; the process's thread races its
 * starter on {@link #starting}; an answer, a failure and a deadline race on each {@link From}'s
 * slot; processes about to spin race on the count of {@link #SPINNERS}. Nothing else is shared:
 * every other mutable field below the line "owned by the process's thread" is read and written by
 * that thread alone ({@link #ready}, {@code handled}, {@code lastTaken}, {@code spunInARow},
 * {@code notSpinning}, {@code backoff}, {@code state}, {@code current}, {@code stopRequest},
 * {@code deferred}), so callbacks need no lock.
 *
 * <p><b>The mailbox</b> is a lock-free stack of {@link Message}s, each message its own link, plus
 * a private FIFO. {@code inbox} is {@code null} (empty), {@link #SPINNING} (empty, and the process
 * spins for mail), {@link #WAITING} (empty, and the process is parked or about to park), {@link
 * #CLOSED} (the process has ended) or the newest message. A sender links its message to the head
 * and swings the head with one compare-and-set; the sender that replaces {@code WAITING} is the one
 * that unparks the process (one unpark per wake-up). Only a sender that replaces {@code WAITING} or
 * {@code SPINNING} spins for its answer, its server having been idle, unless it is a virtual thread
 * on the one carrier its server also needs: see {@link From}. The process takes the whole stack
 * with one get-and-set and reverses it into {@link #ready}: oldest first, so messages from one
 * sender keep their order. {@link #readyCount} is published (release) for {@link
 * #mailboxLength} only; the process never reads it back for a decision.
 *
 * <p><b>Spin or yield before parking.</b> A process that has just handled messages and finds its
 * mailbox empty does not park at once: the callers it has just answered usually send again within
 * a microsecond, and a send that finds the process still running wakes nobody. On two carriers a
 * park and the unpark that follows it woke the other, idle carrier on almost every call (a system
 * call). What it does instead depends on how many messages it took last time:
 * <ul>
 *   <li>one (one caller at a time, as in the book's load test on two carriers): it marks the
 *       mailbox {@link #SPINNING} and spins for up to {@link #SPIN_NANOS} on its carrier, if a
 *       carrier is spare (at most the carriers less one spin at once, so on one carrier nothing
 *       spins). The sender that replaces the mark is told it woke the process, so it spins for its
 *       answer in turn, and the round trip parks no one. After {@link #SPINS_IN_A_ROW} spins it
 *       yields once instead, so that the callers queued behind a busy carrier get their turn; and
 *       after a spin that no message ended it does not spin for a while, since its caller may be
 *       queued on this very carrier, the other one busy (see {@link #spinForMail});
 *   <li>more (many callers at once): it yields its carrier once ({@code Thread.yield}), so the
 *       callers it has just answered run, send, and park, and it takes their messages together.
 *       Spinning there would serve one caller at a time.
 * </ul>
 * Then it marks the mailbox {@code WAITING} and parks. Alternated runs of step 7.2's load test on
 * two carriers, with the spin and without it (the measurement page of {@code ch7-2-cache}), gave a
 * single client's get about 0.7 µs instead of 1.0 and kept 64 clients at about 2 million gets a
 * second;
 * {@code -Dgenserver.spinNanos=0} turns the spinning off and {@code -Dgenserver.yield=false} both.
 *
 * <p><b>Start.</b> {@code starting} holds the starter's thread until {@code init} has returned,
 * then {@link #STARTED} or, if the process ended in {@code init}, the exit exception: written once
 * by the process, before it unparks the starter. A spawned process has no starter to wait.
 *
 * <p><b>Exit happens exactly once</b>, in {@link #exit}, in the process's own thread: it writes
 * {@link #exitReason} (never changed again) <em>before</em> it closes the mailbox with one
 * get-and-set to {@code CLOSED} and fails what it took. So a sender either got its message in
 * before the close (and the drain fails it) or sees {@code CLOSED}, and with it the exit reason,
 * and fails the call itself without sending anything. No message is lost in between, and none is
 * left in a dead mailbox.
 *
 * <p><b>A {@link From} slot</b> goes from pending to exactly one of answer, failure or timed out:
 * each is a compare-and-set from pending, and only the winner wakes the caller. A deferred call is
 * remembered in {@code deferred} until this process ends, so that its end fails it at once.
 * Deadlines live in one shared sweep ({@link Timeouts}), not in a timer per call.
 */
final class Process<S, M> implements Runnable {
    private static final System.Logger LOG = System.getLogger("genserver");
    private static final VarHandle INBOX;
    private static final VarHandle READY_COUNT;

    static {
        try {
            var lookup = MethodHandles.lookup();
            INBOX = lookup.findVarHandle(Process.class, "inbox", Object.class);
            READY_COUNT = lookup.findVarHandle(Process.class, "readyCount", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Whether a process that has handled a message spins or yields its carrier once before it
     * parks on an empty mailbox (see the notes above); {@code -Dgenserver.yield=false} turns both
     * off to measure.
     */
    private static final boolean YIELD = !"false".equals(System.getProperty("genserver.yield"));

    /**
     * How long a process whose one caller at a time keeps calling spins for the next message
     * before it parks (see the notes above); {@code -Dgenserver.spinNanos=0} turns it off to
     * measure.
     */
    private static final long SPIN_NANOS = Math.min(Long.getLong("genserver.spinNanos", 5_000),
            1_000_000); // at most a millisecond: a longer spin is a carrier taken, not a wait
    /** How many processes may spin at once: one carrier fewer than there are, none on one. */
    private static final int SPARE_CARRIERS = Math.max(0, From.carriers() - 1);
    /** How many processes spin for mail right now; package-private for the tests' check. */
    static final AtomicInteger SPINNERS = new AtomicInteger();
    /** How many spins in a row before a process yields once, so its carrier's queue moves. */
    private static final int SPINS_IN_A_ROW = 64;
    /** The fewest and the most times a process does not spin after a spin that nothing ended. */
    private static final int FIRST_BACKOFF = 64;
    private static final int LAST_BACKOFF = 4096;

    /** {@code inbox} when it is empty and the process spins for a message on a spare carrier. */
    private static final Object SPINNING = new Object();
    /** {@code inbox} when it is empty and the process waits for a message. */
    private static final Object WAITING = new Object();
    /** {@code inbox} once the process has ended: nothing can be sent any more. */
    private static final Object CLOSED = new Object();
    /** {@code starting} once {@code init} has returned. */
    private static final Object STARTED = new Object();

    /** What {@link #send} found. */
    private enum Sent {
        DELIVERED, WOKE_IT, DEAD
    }

    // The BEAM gives its own boot-time processes the low numbers; ours start after them.
    private static final AtomicLong NEXT_NUMBER = new AtomicLong(100);
    static final AtomicInteger LIVE = new AtomicInteger();
    static final ConcurrentHashMap<String, Pid<?>> REGISTRY = new ConcurrentHashMap<>();
    /** Timeouts longer than this (about 146 years) mean "wait forever", like OTP's {@code :infinity}. */
    private static final Duration LONGEST_TIMEOUT = Duration.ofNanos(Long.MAX_VALUE / 2);

    final long number = NEXT_NUMBER.getAndIncrement();
    final Pid<M> pid = new Pid<>(this);
    final Thread thread;
    private final GenServer<S, M> server;
    private final String registeredName;

    @SuppressWarnings("unused") // through INBOX
    private volatile Object inbox;
    @SuppressWarnings("unused") // through READY_COUNT
    private volatile int readyCount;
    private volatile Object starting;
    /** Null while the process lives; once set, never changes. */
    private volatile Object exitReason;

    // ---- owned by the process's thread ----
    private Message ready;
    /** A message was handled since this process last yielded or parked. */
    private boolean handled;
    /** How many messages the process took from its mailbox last time. */
    private int lastTaken;
    /** How many times in a row the process has spun for its next message. */
    private int spunInARow;
    /** How many more times the process does not spin, a spin having found no message. */
    private int notSpinning;
    /** What {@code notSpinning} becomes when the next spin finds no message. */
    private int backoff = FIRST_BACKOFF;
    private S state;
    private Object current; // what is being handled, for the crash report
    private From stopRequest;
    private List<From> deferred;
    private int deferredLimit = 16;

    Process(GenServer<S, M> server, String registeredName) {
        this.server = server;
        this.registeredName = registeredName;
        // One concatenation: the name a thread dump shows, e.g. "TodoServer #PID<0.123.0>".
        this.thread = Thread.ofVirtual().name(label() + " #PID<0." + number + ".0>")
                .unstarted(this);
    }

    /** What logs and errors call the process: its server's class, or "spawned". */
    String label() {
        if (server instanceof OneOff) {
            return "spawned";
        }
        String name = server.getClass().getSimpleName();
        return name.isEmpty() || name.contains("$") ? "GenServer" : name;
    }

    /** Starts the thread and, like OTP's {@code start}, returns once {@code init} has returned. */
    Pid<M> start() {
        if (registeredName != null) {
            Pid<?> holder = REGISTRY.putIfAbsent(registeredName, pid);
            if (holder != null) {
                throw new AlreadyStartedException(registeredName, holder);
            }
        }
        Thread starter = Thread.currentThread();
        starting = starter;
        LIVE.incrementAndGet();
        thread.start();
        Object outcome;
        boolean interrupted = false;
        while ((outcome = starting) == starter) {
            LockSupport.park(this); // an interrupt would end every park at once: kept for later
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            starter.interrupt();
        }
        if (outcome instanceof ProcessExitException e) {
            throw new ProcessExitException(e.pid(), e.reason()); // with the starter's stack
        }
        return pid;
    }

    /** Starts the thread and returns at once, as OTP's {@code spawn} does. */
    Pid<M> spawn() {
        LIVE.incrementAndGet();
        thread.start();
        return pid;
    }

    // ---- the caller's side: these run in the thread of whoever talks to the process ----

    Object call(M request, Duration timeout) {
        long timeoutNanos = timeoutNanos(timeout);
        requireCall(request, "calls itself: it would wait forever");
        From from = new From(request);
        Sent sent = send(from);
        if (sent == Sent.DEAD) {
            throw new ProcessExitException(pid, exitReason);
        }
        Object answer = from.awaitAnswer(timeoutNanos, sent == Sent.WOKE_IT);
        if (answer == From.TIMED_OUT) {
            throw new CallTimeoutException(label(), pid, request, timeout);
        }
        return answer;
    }

    /**
     * A call that does not wait: sent now, its answer received later by {@link #receive}. A dead
     * process fails it at once, as its end would have.
     */
    RequestId<?> sendRequest(M request) {
        requireCall(request, "sends a request to itself: no callback of it could receive the"
                + " answer, which it gives only between callbacks");
        From from = new From(request);
        if (send(from) == Sent.DEAD) {
            from.fail(new ProcessExitException(pid, exitReason));
        }
        return new RequestId<>(this, from);
    }

    /** Waits for the answer of a request this thread sent, as {@link #call} waits for its own. */
    Object receive(RequestId<?> id, Duration timeout) {
        long timeoutNanos = timeoutNanos(timeout);
        if (!id.from.sentBy(Thread.currentThread())) {
            throw new IllegalStateException("only the process that sent " + id
                    + " receives its answer, not " + Thread.currentThread());
        }
        Object answer = id.from.awaitAnswer(timeoutNanos, false);
        if (answer == From.TIMED_OUT) {
            if (id.gaveUpAfter == null) {
                id.gaveUpAfter = timeout; // later receives fail at once, saying when it gave up
            }
            throw new CallTimeoutException(label(), pid, id.from.request, id.gaveUpAfter);
        }
        return answer;
    }

    private void requireCall(M request, String toItself) {
        Objects.requireNonNull(request, "request"); // in the sender: it would crash the server
        if (request instanceof Cast) {
            throw new IllegalArgumentException(request
                    + " is a cast (it implements Cast): a request is a call or a cast, not both");
        }
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException(label() + " " + pid + " " + toItself);
        }
    }

    /** Checked before anything is sent: a call that will throw sends nothing. */
    private static long timeoutNanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("a call's timeout cannot be negative: " + timeout);
        }
        return timeout.compareTo(LONGEST_TIMEOUT) > 0 ? From.FOREVER : timeout.toNanos();
    }

    void cast(M request) {
        requireCast(request);
        send(new CastMessage(request)); // to a dead process it is dropped, as on the BEAM
    }

    /**
     * Refuses, in the sender, a request that is also a {@link Call}: its server's {@code
     * handleCast} would find a call there and its sender would wait for no answer. The types refuse
     * every other misdirected request; a record that declares both kinds reaches this check.
     */
    static void requireCast(Object request) {
        Objects.requireNonNull(request, "request"); // in the sender: it would crash the server
        if (request instanceof Call<?>) {
            throw new IllegalArgumentException(request
                    + " is a call (it implements Call): send it with GenServer.call, not cast");
        }
    }

    void stop(Object reason) {
        if (server instanceof OneOff) {
            throw new UnsupportedOperationException(
                    pid + " was spawned, not started: it has no mailbox to stop");
        }
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException(label() + " " + pid
                    + " stops itself from a callback: it would wait forever for its own end;"
                    + " return Result.stop(reason, state) instead");
        }
        From from = new From(reason);
        if (send(new SystemStop(reason, from)) == Sent.DEAD) {
            throw new ProcessExitException(pid, exitReason);
        }
        from.awaitForever();
    }

    /** Puts a message in the mailbox, waking the process if it waits (see the notes above). */
    private Sent send(Message message) {
        while (true) {
            Object head = inbox;
            if (head == CLOSED) {
                return Sent.DEAD;
            }
            message.next = head instanceof Message newest ? newest : null;
            if (INBOX.compareAndSet(this, head, message)) {
                if (head == WAITING) {
                    LockSupport.unpark(thread);
                    return Sent.WOKE_IT;
                }
                return head == SPINNING ? Sent.WOKE_IT : Sent.DELIVERED;
            }
        }
    }

    /** A snapshot for OTP's {@code message_queue_len}; not counting the message being handled. */
    int mailboxLength() {
        int n = (int) READY_COUNT.getAcquire(this);
        for (Object m = inbox; m instanceof Message message; m = message.next) {
            n++;
        }
        return n;
    }

    boolean isAlive() {
        return exitReason == null;
    }

    /** Whether the process spins for mail at this moment (a snapshot, for the tests). */
    boolean spinsForMail() {
        return inbox == SPINNING;
    }

    // ---- the process's side: everything below runs in this process's own thread ----

    /**
     * Runs {@code init}, then handles messages until a callback stops or throws, then ends. The
     * loop lives here and in {@link #receive} only: a parked process keeps just these two frames of
     * its own, which is most of what an idle process costs.
     */
    @Override
    public void run() {
        Object reason;
        try {
            current = "init";
            Result<S> first = server.init();
            reason = first instanceof Result.Stop<S> stop ? stop.reason() : null;
            if (reason == null) {
                initReturned(STARTED);
                reason = apply(first, null);
            }
            while (reason == null) {
                reason = handle(receive());
                current = null; // hold on to nothing between messages
            }
        } catch (Throwable t) {
            reason = t;
            report(t);
        }
        end(reason);
    }

    /**
     * Logs why the process crashed. Any error, even an {@link OutOfMemoryError} while the report
     * is built, is swallowed here: the exit that follows (failing every caller, freeing the name)
     * matters more than the report.
     */
    private void report(Throwable t) {
        try {
            LOG.log(Level.ERROR, crashReport(t), t);
        } catch (Throwable reporting) {
            try {
                LOG.log(Level.ERROR, label() + " " + pid + " crashed: " + t.getClass().getName());
            } catch (Throwable ignored) {
                // nothing left to report with; the exit still runs
            }
        }
    }

    private void end(Object reason) {
        try {
            terminate(reason);
            exit(reason);
            if (stopRequest != null) {
                stopRequest.complete(null); // GenServer.stop returns once the process is gone
            }
        } finally {
            LIVE.decrementAndGet();
        }
    }

    private void initReturned(Object outcome) {
        Object starter = starting;
        starting = outcome;
        if (starter instanceof Thread t) {
            LockSupport.unpark(t);
        }
    }

    /**
     * The oldest message, parking until there is one. When its own list is empty, the process
     * takes every message sent so far; when there is none, it yields once if it has handled any
     * since it last did, and then says it waits (see the notes).
     */
    private Message receive() {
        Message message = ready;
        while (message == null) {
            if (inbox == null) {
                if (handled) {
                    handled = false;
                    if (notSpinning > 0) {
                        notSpinning--; // backing off after a spin that found nothing
                    } else if (lastTaken == 1 && spunInARow < SPINS_IN_A_ROW && spinForMail()) {
                        spunInARow++;
                        continue;
                    }
                    spunInARow = 0;
                    Thread.yield(); // the callers just answered may send again before we park
                } else if (INBOX.compareAndSet(this, null, WAITING)) {
                    do {
                        LockSupport.park(this);
                    } while (inbox == WAITING);
                }
            } else {
                message = oldestFirst((Message) INBOX.getAndSet(this, null));
            }
        }
        ready = message.next;
        message.next = null;
        handled = YIELD;
        READY_COUNT.setRelease(this, readyCount - 1);
        return message;
    }

    /**
     * Spins for a message while a carrier is spare: returns false at once if none is, else true
     * once a message came or the spin ran out (the mailbox then empty again, not marked spinning).
     * It reads the clock every 64 spins only: a spin is tens of nanoseconds, a clock read as much.
     * A spin that runs out backs off: the process does not spin the next {@link #FIRST_BACKOFF}
     * times, twice as many after each further one that runs out (up to {@link #LAST_BACKOFF}),
     * until one is answered. Its caller may be waiting on this very carrier, the other one busy.
     */
    private boolean spinForMail() {
        int spinners = SPINNERS.get();
        if (SPIN_NANOS <= 0 || spinners >= SPARE_CARRIERS
                || !SPINNERS.compareAndSet(spinners, spinners + 1)) {
            return false;
        }
        try {
            if (!INBOX.compareAndSet(this, null, SPINNING)) {
                return true;
            }
            long deadline = System.nanoTime() + SPIN_NANOS;
            for (int i = 1; inbox == SPINNING; i++) {
                Thread.onSpinWait();
                if ((i & 63) == 0 && System.nanoTime() - deadline > 0
                        && INBOX.compareAndSet(this, SPINNING, null)) {
                    notSpinning = backoff;
                    backoff = Math.min(backoff * 2, LAST_BACKOFF);
                    return true;
                }
            }
            backoff = FIRST_BACKOFF;
            return true;
        } finally {
            SPINNERS.decrementAndGet();
        }
    }

    /** Reverses a chain taken from the inbox (newest first) and publishes its length. */
    private Message oldestFirst(Message newest) {
        Message oldest = null;
        int count = 0;
        while (newest != null) {
            Message older = newest.next;
            newest.next = oldest;
            oldest = newest;
            newest = older;
            count++;
        }
        READY_COUNT.setRelease(this, count);
        lastTaken = count;
        return oldest;
    }

    @SuppressWarnings("unchecked")
    private Object handle(Message message) {
        current = message;
        return switch (message) {
            case From from -> apply(server.handleCall((M) from.request, from, state), from);
            case CastMessage cast -> apply(server.handleCast((M) cast.request, state), null);
            case SystemStop stop -> {
                stopRequest = stop.from;
                yield stop.reason;
            }
            default -> throw new IllegalStateException("unknown message " + message);
        };
    }

    /** Applies a callback's result; returns null to go on, or the reason to stop. */
    private Object apply(Result<S> result, From caller) {
        while (true) {
            switch (result) {
                case Result.Reply<S>(Object value, S newState) -> {
                    if (caller == null) {
                        throw new IllegalStateException("only handleCall can reply; got " + result);
                    }
                    state = newState;
                    caller.complete(value);
                    return null;
                }
                case Result.NoReply<S>(S newState, Object continueArg) -> {
                    state = newState;
                    if (caller != null && !caller.isDone()) {
                        defer(caller);
                    }
                    if (continueArg == null) {
                        return null;
                    }
                    current = continueArg;
                    caller = null;
                    result = server.handleContinue(continueArg, state);
                }
                case Result.Stop<S>(Object reason, S newState) -> {
                    state = newState;
                    return reason;
                }
            }
        }
    }

    /**
     * Remembers a call answered later, so that it fails at once if this process dies first. Answered
     * ones are pruned as the list grows, so a server that defers every call keeps the list short.
     */
    private void defer(From from) {
        if (deferred == null) {
            deferred = new ArrayList<>();
        }
        if (deferred.size() >= deferredLimit) {
            deferred.removeIf(From::isDone);
            deferredLimit = Math.max(16, deferred.size() * 2);
        }
        deferred.add(from);
    }

    private void terminate(Object reason) {
        try {
            server.terminate(reason, state);
        } catch (Throwable t) {
            LOG.log(Level.ERROR, label() + " " + pid + " raised in terminate", t);
        }
    }

    /** Marks the process dead, closes its mailbox, and fails everyone still waiting on it. */
    private void exit(Object reason) {
        exitReason = reason; // before the close: see the notes above
        if (registeredName != null) {
            REGISTRY.remove(registeredName, pid);
        }
        ProcessExitException exit = new ProcessExitException(pid, reason);
        if (starting instanceof Thread) {
            initReturned(exit);
        }
        if (current instanceof From from) {
            from.fail(exit);
        }
        if (deferred != null) {
            deferred.forEach(from -> from.fail(exit));
        }
        Object unread = INBOX.getAndSet(this, CLOSED);
        failAll(ready, exit);
        ready = null;
        if (unread instanceof Message newest) {
            failAll(newest, exit);
        }
        READY_COUNT.setRelease(this, 0);
    }

    private static void failAll(Message chain, ProcessExitException exit) {
        for (Message m = chain; m != null; m = m.next) {
            switch (m) {
                case From from -> from.fail(exit);
                case SystemStop stop -> stop.from.fail(exit);
                default -> {
                } // casts to a dead process are dropped, as on the BEAM
            }
        }
    }

    private String crashReport(Throwable t) {
        if (server instanceof OneOff) {
            return "Process " + label() + " " + pid + " raised an exception";
        }
        return "GenServer " + label() + " " + pid + " terminating"
                + "\n** Last message in: " + describe(current)
                + "\n** State: " + abbreviate(String.valueOf(state))
                + "\n** Reason: " + t;
    }

    private static String describe(Object message) {
        return switch (message) {
            case From from -> "call " + from.request;
            case CastMessage cast -> "cast " + cast.request;
            case null, default -> String.valueOf(message);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
