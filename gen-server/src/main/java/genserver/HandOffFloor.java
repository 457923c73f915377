package genserver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor under every call: what the JDK itself charges to hand a request from one virtual
 * thread to another and the answer back, with no gen-server at all. Each exchange is the least a
 * correct blocking hand-off does with the JDK's own primitives: the client pushes a request with a
 * slot for its answer onto the server's inbox (one compare-and-set), unparks the server only if it
 * waits, and parks until the slot is filled; the server takes every request at once, fills each
 * slot and unparks its client, and parks when there are none. Nothing is allocated but the
 * request, and no deadline is kept.
 *
 * <p>A {@link GenServer#call} does all of this and more (a deadline, the server's callbacks, the
 * checks of a process that may have ended), so no call between virtual threads beats these figures
 * on the same machine: the load test of step 7.2 prints them beside its own.
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
        long made = (long) (exchanges / clients) * clients;
        return made / (exchange(clients, exchanges) / 1e9);
    }

    /**
     * {@code exchanges} hand-offs (rounded down to a multiple of {@code clients}) shared among
     * {@code clients} virtual threads and one server thread; returns the nanoseconds they took.
     */
    public static long exchange(int clients, int exchanges) throws InterruptedException {
        if (clients < 1 || exchanges < clients) {
            throw new IllegalArgumentException(
                    "need at least one client and an exchange each: " + clients + ", " + exchanges);
        }
        var server = new Server();
        server.thread.start();
        int each = exchanges / clients;
        List<Thread> threads = new ArrayList<>(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < each; i++) {
                    server.call();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long nanos = System.nanoTime() - start;
        server.stopped = true;
        LockSupport.unpark(server.thread);
        server.thread.join();
        return nanos;
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
            while (!request.answered) {
                LockSupport.park();
            }
        }

        @Override
        public void run() {
            while (!stopped) {
                if (inbox.getAndSet(null) instanceof Request newest) {
                    for (Request r = newest; r != null;) {
                        Request next = r.next; // before the answer frees the client to go on
                        r.answered = true;
                        LockSupport.unpark(r.client);
                        r = next;
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
