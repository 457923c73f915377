package genserver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * One call in flight: the request, the caller waiting for it, and the slot its answer goes into
 * (OTP's {@code from}). A server that returns {@link Result#noreply} from {@code handleCall} keeps
 * the {@code From} and answers later with {@link GenServer#reply}, from any process.
 *
 * <p>The slot is written once. Whoever writes it first wins: the answer, the failure of the server,
 * or the caller giving up at its timeout. So a late answer finds the slot taken and is dropped; it
 * cannot reach a later call, because every call has its own {@code From}.
 */
public final class From {
    private static final Object PENDING = new Object();
    private static final Object NULL = new Object();
    private static final VarHandle RESULT;
    /**
     * When a call finds its server idle, the answer usually comes within a microsecond: spinning
     * that long is cheaper than parking and being woken. A busy server's callers park at once, so
     * that they leave the carrier threads to the server. Measured on 2 cores: 100 spins take the
     * round trip from ~1.5 to ~0.7 µs without hurting 64 concurrent callers.
     */
    private static final int SPINS = Integer.getInteger("genserver.spins", 100);

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

    From(Object request) {
        this.request = request;
        this.caller = Thread.currentThread();
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

    /** What {@link #await} returns when the caller gave up: the slot is closed, a late answer is dropped. */
    static final Object TIMED_OUT = new Object();

    /**
     * Parks the caller until the slot is filled or the timeout passes, and returns the answer, or
     * {@link #TIMED_OUT}. A null timeout waits for as long as it takes. With {@code spin}, the
     * caller first spins briefly: its server was idle and will likely answer within a microsecond.
     *
     * @throws ProcessExitException if the server ended before answering
     */
    Object await(Duration timeout, boolean spin) {
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        Object r;
        for (int spins = spin ? SPINS : 0; (r = result) == PENDING && spins > 0; spins--) {
            Thread.onSpinWait();
        }
        while ((r = result) == PENDING) {
            if (timeout == null) {
                LockSupport.park(this);
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                if (RESULT.compareAndSet(this, PENDING, TIMED_OUT)) {
                    return TIMED_OUT;
                }
                continue; // the answer arrived at the last moment: it is not late, take it
            }
            LockSupport.parkNanos(this, left);
        }
        if (r instanceof Failure f) {
            // A fresh exception so that the caller's own stack shows where it waited.
            throw f.rethrowable();
        }
        return r == NULL ? null : r;
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
