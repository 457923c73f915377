package genserver;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The runtime behind a {@link Pid}: one virtual thread that owns the server's state and reads one
 * unbounded FIFO mailbox, handling one message at a time. Everything the outside world does to a
 * process arrives as a message; only this thread ever calls the server's callbacks or sees its
 * state.
 */
final class Process<S, M> implements Runnable {
    private static final System.Logger LOG = System.getLogger("genserver");
    private static final java.lang.invoke.VarHandle WAITING;

    static {
        try {
            WAITING = java.lang.invoke.MethodHandles.lookup().findVarHandle(Process.class,
                    "waiting", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // The BEAM gives its own boot-time processes the low numbers; ours start after them.
    private static final AtomicLong NEXT_NUMBER = new AtomicLong(100);
    static final AtomicInteger LIVE = new AtomicInteger();
    static final ConcurrentHashMap<String, Pid<?>> REGISTRY = new ConcurrentHashMap<>();

    final long number = NEXT_NUMBER.getAndIncrement();
    final Pid<M> pid = new Pid<>(this);
    final String label;
    final Thread thread;
    private final GenServer<S, M> server;
    private final Runnable oneOff;
    private final String registeredName;
    private final ConcurrentLinkedQueue<Object> mailbox = new ConcurrentLinkedQueue<>();
    /** True while the process is parked, or about to park, waiting for a message. */
    private volatile boolean waiting;
    private From started; // until init has returned

    /** Null while the process lives; once set, never changes. */
    private volatile Object exitReason;

    // Touched only by this process's own thread.
    private S state;
    private Object current; // the message being handled, for the crash report
    private From stopRequest;
    private List<From> deferred;
    private int deferredLimit = 16;

    private record Cast(Object request) {}

    private record SystemStop(Object reason, From from) {}

    /** A GenServer process; {@link #start} runs it. */
    Process(GenServer<S, M> server, String registeredName) {
        this.server = server;
        this.oneOff = null;
        this.registeredName = registeredName;
        this.label = labelOf(server);
        this.started = new From("init");
        this.thread = Thread.ofVirtual().name(label + " " + pid).unstarted(this);
    }

    /** A one-off process running {@code body}: OTP's {@code spawn}. */
    Process(Runnable body) {
        this.server = null;
        this.oneOff = body;
        this.registeredName = null;
        this.label = "spawned";
        this.started = null;
        this.thread = Thread.ofVirtual().name(label + " " + pid).unstarted(this);
    }

    private static String labelOf(Object server) {
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
        From initDone = started; // read before the thread starts: it clears the field
        LIVE.incrementAndGet();
        thread.start();
        if (initDone != null) {
            initDone.await(null, false);
        }
        return pid;
    }

    // ---- the caller's side: these run in the thread of whoever talks to the process ----

    Object call(M request, Duration timeout) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException(
                    label + " " + pid + " calls itself: it would wait forever");
        }
        ensureAlive();
        From from = new From(request);
        boolean idle = send(from);
        recheckAfterSend(from, from);
        Object answer = from.await(timeout, idle);
        if (answer == From.TIMED_OUT) {
            throw new CallTimeoutException(label, pid, request, timeout);
        }
        return answer;
    }

    void cast(M request) {
        if (exitReason == null) {
            send(new Cast(request));
        }
    }

    void stop(Object reason) {
        if (oneOff != null) {
            throw new UnsupportedOperationException(
                    pid + " was spawned, not started: it has no mailbox to stop");
        }
        ensureAlive();
        From from = new From(reason);
        var stop = new SystemStop(reason, from);
        send(stop);
        recheckAfterSend(stop, from);
        from.await(null, false);
    }

    /**
     * Puts a message in the mailbox and wakes the process if it waits; returns whether it did (an
     * idle server answers a call quickly, so its caller may spin briefly instead of parking).
     */
    private boolean send(Object message) {
        mailbox.offer(message);
        // Only the sender that flips the flag wakes the process: one unpark, one spinning caller.
        if (waiting && WAITING.compareAndSet(this, true, false)) {
            LockSupport.unpark(thread);
            return true;
        }
        return false;
    }

    /**
     * The next message, parking until one comes. The process says it is waiting, then looks once
     * more: a sender that missed the flag put its message in before that second look, and a sender
     * that saw it unparks us (a permit that arrives before we park is kept).
     */
    private Object receive() {
        Object message = mailbox.poll();
        while (message == null) {
            waiting = true;
            message = mailbox.poll();
            if (message == null) {
                LockSupport.park(this);
                message = mailbox.poll();
            }
            waiting = false;
        }
        return message;
    }

    int mailboxLength() {
        return mailbox.size();
    }

    boolean isAlive() {
        return exitReason == null;
    }

    private void ensureAlive() {
        Object reason = exitReason;
        if (reason != null) {
            throw new ProcessExitException(pid, reason);
        }
    }

    /**
     * The process may have died between our check and our send, after it emptied its mailbox for
     * the last time. It sets its exit reason before it empties the mailbox, so one of the two of us
     * sees the other: either it took our message (and answers or fails it), or the message is still
     * in the mailbox and we take it back and fail it here.
     */
    private void recheckAfterSend(Object message, From from) {
        Object reason = exitReason;
        if (reason != null && mailbox.remove(message)) {
            from.fail(new ProcessExitException(pid, reason));
        }
    }

    // ---- the process's side: everything below runs in this process's own thread ----

    @Override
    public void run() {
        try {
            if (oneOff != null) {
                runOneOff();
            } else {
                runServer();
            }
        } finally {
            LIVE.decrementAndGet();
        }
    }

    private void runOneOff() {
        try {
            oneOff.run();
            exitReason = "normal";
        } catch (Throwable t) {
            exitReason = t;
            LOG.log(Level.ERROR, "Process " + label + " " + pid + " raised an exception", t);
        }
    }

    private void runServer() {
        Object reason;
        try {
            current = "init";
            Result<S> r = server.init();
            if (r instanceof Result.Stop<S> stop) {
                reason = stop.reason();
            } else {
                started.complete(pid);
                started = null;
                reason = loop(r);
            }
        } catch (Throwable t) {
            reason = t;
            LOG.log(Level.ERROR, crashReport(t), t);
        }
        terminate(reason);
        exit(reason);
        if (stopRequest != null) {
            stopRequest.complete(null); // GenServer.stop returns once the process is gone
        }
    }

    /** Handles messages until a callback asks to stop; returns the reason. */
    private Object loop(Result<S> first) {
        Object reason = apply(first, null);
        while (reason == null) {
            Object message = receive();
            reason = handle(message);
            current = null; // hold on to nothing between messages
        }
        return reason;
    }

    @SuppressWarnings("unchecked")
    private Object handle(Object message) {
        current = message;
        return switch (message) {
            case From from -> apply(server.handleCall((M) from.request, from, state), from);
            case Cast cast -> apply(server.handleCast((M) cast.request(), state), null);
            case SystemStop stop -> {
                stopRequest = stop.from();
                yield stop.reason();
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
            LOG.log(Level.ERROR, label + " " + pid + " raised in terminate", t);
        }
    }

    /** Marks the process dead, then fails everyone still waiting on it. */
    private void exit(Object reason) {
        exitReason = reason;
        if (registeredName != null) {
            REGISTRY.remove(registeredName, pid);
        }
        ProcessExitException exit = new ProcessExitException(pid, reason);
        if (started != null) {
            started.fail(exit);
        }
        if (current instanceof From from) {
            from.fail(exit);
        }
        if (deferred != null) {
            deferred.forEach(from -> from.fail(exit));
        }
        Object message;
        while ((message = mailbox.poll()) != null) {
            switch (message) {
                case From from -> from.fail(exit);
                case SystemStop stop -> stop.from().fail(exit);
                default -> {
                } // casts to a dead process are dropped, as on the BEAM
            }
        }
    }

    private String crashReport(Throwable t) {
        return "GenServer " + label + " " + pid + " terminating"
                + "\n** Last message in: " + describe(current)
                + "\n** State: " + abbreviate(String.valueOf(state))
                + "\n** Reason: " + t;
    }

    private static String describe(Object message) {
        return message instanceof From from
                ? "call " + from.request
                : message instanceof Cast cast ? "cast " + cast.request() : String.valueOf(message);
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
