package sidebyside;

import genserver.GenServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A reference for every call: what the simplest correct blocking hand-off between virtual threads
 * costs with the JDK's own primitives, with no gen-server at all. The client pushes a request with a
 * slot for its answer onto the server's inbox (one compare-and-set), unparks the server only if it
 * waits, and parks until the slot is filled; the server takes every request at once, fills each
 * slot and unparks its client, and parks when there are none. Per exchange nothing is allocated
 * but the request, and no deadline is kept.
 *
 * <p>A {@link GenServer#call} that parks does all of this and more (a deadline, the server's
 * callbacks, the checks of a process that may have ended), so in the medians of one run it takes
 * longer: step 7.2's load test measures both in every run and sets them side by side. A single
 * measurement on a busy machine swings by half either way, and a call that does not park (a
 * caller spinning on two carriers) is not bound by it.
 *
 * <p>It is a benchmark's reference, not part of the runtime: it lives here, beside the load test
 * that prints it, and not in {@code gen-server}'s main sources.
 */
public final class HandOffFloor {
    private HandOffFloor() {}

    /** The average round trip, in µs, of {@code exchanges} hand-offs from one client. */
    public static double roundTripMicros(int exchanges) throws InterruptedException {
        return exchange(1, exchanges) / 1_000.0 / exchanges;
    }

    /**
     * Hand-offs per second from {@code clients} clients of one server, all at once, making {@code
     * exchanges} of them (rounded down to a multiple of {@code clients}).
     */
    public static double perSecond(int clients, int exchanges) throws InterruptedException {
        long nanos = exchange(clients, exchanges); // checks the sizes before anything divides
        return (long) (exchanges / clients) * clients / (nanos / 1e9);
    }

    /**
     * {@code exchanges} hand-offs (rounded down to a multiple of {@code clients}) shared among
     * {@code clients} virtual threads and one server thread; returns the nanoseconds they took.
     * Every thread it starts has ended or been told to end when it returns or throws.
     *
     * @throws IllegalStateException if the server did not answer every request exactly once
     */
    public static long exchange(int clients, int exchanges) throws InterruptedException {
        if (clients < 1 || exchanges < clients) {
            throw new IllegalArgumentException(
                    "need at least one client and an exchange each: " + clients + ", " + exchanges);
        }
        int each = exchanges / clients;
        long made = (long) each * clients;
        List<Thread> threads = new ArrayList<>(clients);
        var server = new Server();
        try {
            server.thread.start();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < each && !server.stopped; i++) {
                        server.call();
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            long nanos = System.nanoTime() - start;
            server.stop();
            server.thread.join();
            if (server.answered != made) {
                throw new IllegalStateException(
                        "the server answered " + server.answered + " requests of " + made);
            }
            return nanos;
        } finally {
            // Interrupted, out of memory: nothing it started stays behind.
            server.stop();
            threads.forEach(LockSupport::unpark);
        }
    }

    /** One request: the slot its answer goes into, who waits for it, and the next in the stack. */
    private static final class Request {
        final Thread client = Thread.currentThread();
        volatile boolean answered;
        Request next;
    }

    /**
     * The server's inbox is the one gen-server's mailbox uses, without the rest: {@code null}
     * (empty), {@link #WAITING} (empty, and the server parks) or the newest request. The client
     * that replaces {@code WAITING} is the one that unparks the server.
     */
    private static final class Server implements Runnable {
        static final Object WAITING = new Object();
        final AtomicReference<Object> inbox = new AtomicReference<>();
        final Thread thread = Thread.ofVirtual().name("hand-off floor").unstarted(this);
        volatile boolean stopped;

        /** Only the server thread writes it; read after that thread has ended. */
        long answered;

        void call() {
            var request = new Request();
            Object head;
            do {
                head = inbox.get();
                request.next = head instanceof Request r ? r : null;
            } while (!inbox.compareAndSet(head, request));
            if (head == WAITING) {
                LockSupport.unpark(thread);
            }
            while (!request.answered && !stopped) {
                LockSupport.park();
            }
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (!stopped) {
                if (inbox.getAndSet(null) instanceof Request newest) {
                    for (Request r = newest; r != null; r = r.next) {
                        r.answered = true;
                        LockSupport.unpark(r.client);
                        answered++;
                    }
                } else if (inbox.compareAndSet(null, WAITING)) {
                    while (inbox.get() == WAITING && !stopped) {
                        LockSupport.park();
                    }
                }
            }
        }
    }
}
