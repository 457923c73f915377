package genserver;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One shared sweep for the deadlines of calls, instead of a timer per call. A caller whose answer
 * did not come at once registers its {@link From} here and parks without a timeout; this one
 * daemon thread closes the slots whose deadline has passed and wakes their callers. Arming and
 * cancelling a timer on every parked call (the virtual-thread scheduler's delay queue) cost more
 * than the call itself under load.
 *
 * <p>Registration is one compare-and-set on a shared stack ({@link From#nextWaiting} links it).
 * Only the sweeper thread reads the links: it takes the whole stack, keeps the pending slots in a
 * chain of its own, and drops the answered ones. It wakes at the earliest deadline it holds, and at
 * least every {@link #PRUNE_NANOS} while it holds any, so that answered calls do not pile up; it
 * sleeps without a timeout when it holds none, and a caller that registers then wakes it. A
 * deadline fires at most about a millisecond late, far below what a timeout measures.
 */
final class Timeouts {
    private static final long PRUNE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final AtomicReference<From> REGISTERED = new AtomicReference<>();
    /** Whether the sweeper sleeps without a deadline; the one caller that clears it wakes it. */
    private static final AtomicBoolean IDLE = new AtomicBoolean();
    private static final Thread SWEEPER = Thread.ofPlatform().daemon().name("genserver-timeouts")
            .start(Timeouts::sweep);

    private Timeouts() {}

    /** Watches {@code from} until it is answered or its deadline passes. */
    static void register(From from) {
        From head;
        do {
            head = REGISTERED.get();
            from.nextWaiting = head;
        } while (!REGISTERED.compareAndSet(head, from));
        if (IDLE.get() && IDLE.compareAndSet(true, false)) {
            LockSupport.unpark(SWEEPER); // one wake-up per sleep, not one per caller
        }
    }

    private static void sweep() {
        From held = null; // only this thread touches the chain from here on
        while (true) {
            From fresh = REGISTERED.getAndSet(null);
            while (fresh != null) {
                From next = fresh.nextWaiting;
                fresh.nextWaiting = held;
                held = fresh;
                fresh = next;
            }
            long now = System.nanoTime();
            long wake = now + PRUNE_NANOS;
            From kept = null;
            for (From f = held; f != null;) {
                From next = f.nextWaiting;
                if (f.isDone()) {
                    f.nextWaiting = null;
                } else if (f.deadline - now <= 0) {
                    f.nextWaiting = null;
                    f.timeOut();
                } else {
                    f.nextWaiting = kept;
                    kept = f;
                    if (f.deadline - wake < 0) {
                        wake = f.deadline;
                    }
                }
                f = next;
            }
            held = kept;
            if (held == null) {
                // Say we sleep, then look once more: a caller that registered before that look is
                // seen; one that registered after it sees the flag and wakes us.
                IDLE.set(true);
                while (IDLE.get() && REGISTERED.get() == null) {
                    LockSupport.park(Timeouts.class);
                }
                IDLE.set(false);
            } else {
                LockSupport.parkNanos(Timeouts.class, wake - now);
            }
        }
    }
}
