package genserver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One call in flight: the request, the caller waiting for it, and the slot its answer goes into
 * (OTP's {@code from}). A server that returns {@link Result#noreply} from {@code handleCall} keeps
 * the {@code From} and answers later with {@link GenServer#reply}, from any process.
 *
 * <p>The slot is written once. Whoever writes it first wins: the answer, the failure of the server,
 * or the caller's deadline. So a late answer finds the slot taken and is dropped; it cannot reach a
 * later call, because every call has its own {@code From}.
 */
public final class From extends Message {
    private static final Object PENDING = new Object();
    private static final Object NULL = new Object();
    private static final VarHandle RESULT;
    /**
     * When a call finds its server idle, the answer usually comes within a microsecond: spinning
     * that long is cheaper than parking and being woken. A busy server's callers park at once, so
     * that they leave the carrier threads to the server. The README's benchmark (with and without
     * {@code -Dgenserver.spins=0}) shows what 100 spins save, without hurting 64 concurrent callers.
     */
    private static final int SPINS = Integer.getInteger("genserver.spins", 100);
    /**
     * Whether a caller in a virtual thread spins too. With one carrier thread it does not, unless
     * told to by {@code -Dgenserver.spins}: its server needs that carrier to answer, and it holds
     * it while it spins. A platform thread's caller holds no carrier, so it spins either way.
     */
    private static final boolean VIRTUAL_CALLERS_SPIN = System
            .getProperty("genserver.spins") != null || carriers() > 1;
    /** Timeouts this short park with a timer of their own; longer ones use {@link Timeouts}. */
    private static final long OWN_TIMER_NANOS = TimeUnit.MILLISECONDS
            .toNanos(Long.getLong("genserver.ownTimerMillis", 20));
    /** What {@link #awaitAnswer} takes for "no deadline" (OTP's {@code :infinity}). */
    static final long FOREVER = Long.MAX_VALUE;

    static {
        try {
            RESULT = MethodHandles.lookup().findVarHandle(From.class, "result", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Object request;
    private final Thread caller;
    @SuppressWarnings("unused") // written through RESULT
    private volatile Object result = PENDING;
    /** When the caller gives up; written before {@link Timeouts#register} publishes this slot. */
    long deadline;
    /** The link in {@link Timeouts}' chain; only the sweeper thread reads it. */
    From nextWaiting;

    /**
     * The virtual threads' carrier threads, read as the JDK's scheduler reads them (a value it
     * cannot read stops the JDK before any virtual thread runs, so none is looked after here).
     */
    static int carriers() {
        try {
            String configured = System.getProperty("jdk.virtualThreadScheduler.parallelism");
            String most = System.getProperty("jdk.virtualThreadScheduler.maxPoolSize");
            int carriers = configured == null
                    ? Runtime.getRuntime().availableProcessors()
                    : Integer.parseInt(configured);
            return most == null ? carriers : Math.min(carriers, Integer.parseInt(most));
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    From(Object request) {
        this.request = request;
        this.caller = Thread.currentThread();
    }

    /** Whether {@code thread} made this call, and so is the one its answer wakes. */
    boolean sentBy(Thread thread) {
        return caller == thread;
    }

    /** Fills the slot unless it is taken; returns whether this value is the one the caller gets. */
    boolean complete(Object value) {
        if (RESULT.compareAndSet(this, PENDING, value == null ? NULL : value)) {
            LockSupport.unpark(caller);
            return true;
        }
        return false;
    }

    boolean fail(ProcessExitException e) {
        return complete(new Failure(e));
    }

    boolean isDone() {
        return result != PENDING;
    }

    /** The deadline passed: close the slot unless the answer is already in, and wake the caller. */
    void timeOut() {
        if (RESULT.compareAndSet(this, PENDING, TIMED_OUT)) {
            LockSupport.unpark(caller);
        }
    }

    /** What {@link #awaitAnswer} returns when the caller gave up: the slot is closed, a late answer is dropped. */
    static final Object TIMED_OUT = new Object();

    /**
     * Waits for as long as it takes ({@code GenServer.start} and {@code stop}: the process either
     * answers or ends, and ending fails every slot it holds).
     *
     * @throws ProcessExitException if the process ended before answering
     */
    Object awaitForever() {
        return awaitAnswer(FOREVER, false);
    }

    /**
     * Parks the caller until the slot is filled or {@code timeoutNanos} pass ({@link #FOREVER}: no
     * deadline), and returns the answer, or {@link #TIMED_OUT}. With {@code spin}, the caller first
     * spins briefly: its server was idle and will likely answer within a microsecond.
     *
     * @throws ProcessExitException if the server ended before answering
     */
    Object awaitAnswer(long timeoutNanos, boolean spin) {
        int spins = spin && (VIRTUAL_CALLERS_SPIN || !caller.isVirtual()) ? SPINS : 0;
        for (; result == PENDING && spins > 0; spins--) {
            Thread.onSpinWait();
        }
        if (result == PENDING) {
            if (timeoutNanos == FOREVER) {
                parkUntilDone();
            } else if (timeoutNanos <= OWN_TIMER_NANOS) {
                parkWithTimer(System.nanoTime() + timeoutNanos);
            } else {
                deadline = System.nanoTime() + timeoutNanos;
                Timeouts.register(this);
                parkUntilDone();
            }
        }
        Object r = result;
        if (r instanceof Failure f) {
            // A fresh exception so that the caller's own stack shows where it waited.
            throw f.rethrowable();
        }
        return r == NULL ? null : r;
    }

    /**
     * Parks until the slot is filled. An interrupt does not end the wait (a call has no such thing
     * on the BEAM): it is cleared while parking, which it would otherwise end at once every time,
     * a busy loop, and set again on the way out for the caller to see.
     */
    private void parkUntilDone() {
        boolean interrupted = false;
        while (result == PENDING) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #parkUntilDone} with a deadline; an interrupt likewise. */
    private void parkWithTimer(long deadline) {
        boolean interrupted = false;
        while (result == PENDING) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                // If the answer arrived at the last moment it is not late: the failed CAS keeps it.
                RESULT.compareAndSet(this, PENDING, TIMED_OUT);
                break;
            }
            LockSupport.parkNanos(this, left);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "From[" + caller.getName() + "]";
    }

    private record Failure(ProcessExitException e) {
        RuntimeException rethrowable() {
            return new ProcessExitException(e.pid(), e.reason());
        }
    }
}
