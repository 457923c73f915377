package genserver;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * File I/O that may never end (a link to {@code /proc/kmsg}, a FIFO, a file under a lease, a hung
 * mount), bounded in time. A blocking read on a virtual thread holds its carrier, so two such
 * reads stop every process on a two-core machine; here the open and the read run on a platform
 * daemon thread, and the process waits for them, which parks it without holding a carrier. Past
 * the limit the process gets an {@link IoTimeoutException} and goes on; the resource is closed
 * (which ends a read blocked in it) as soon as it exists.
 *
 * <p>The resource is handed over by this class, not by the caller, because the caller's process
 * and the thread that opens it would otherwise share a mutable slot: here that slot is one atomic
 * reference, in the runtime, where java.util.concurrent belongs.
 */
public final class BlockingIo {
    /** Opens the resource; may block. */
    @FunctionalInterface
    public interface Open<C extends Closeable> {
        C open() throws IOException;
    }

    /** Uses the open resource; may block. The resource is closed afterwards, by {@link BlockingIo}. */
    @FunctionalInterface
    public interface Use<C extends Closeable, T> {
        T apply(C resource) throws IOException;
    }

    /**
     * Platform daemon threads, made as needed and kept a while when idle: a thread blocked for
     * good in one file must not hold up a read of another, so there is no fixed number.
     */
    private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
            30, TimeUnit.SECONDS, new SynchronousQueue<>(),
            Thread.ofPlatform().daemon().name("genserver-blocking-io-", 0).factory());

    private BlockingIo() {}

    /**
     * Opens a resource with {@code open}, applies {@code use} to it and closes it, on a platform
     * thread, and waits at most {@code limit} for the result. What {@code open} or {@code use}
     * throws is thrown here as it is.
     *
     * <p>Past the limit: the resource is closed if it is open (on another platform thread: a
     * close may wait for the read it ends), or as soon as {@code open} returns; {@code unblock}
     * (may be null) runs on another platform thread, to free an {@code open} that nothing else
     * can end (a FIFO's, which waits for a writer); and this throws an {@link IoTimeoutException}
     * "{@code what} did not answer within ...".
     *
     * @throws IOException what {@code open} or {@code use} threw, or an {@link
     *     IoTimeoutException}, or an {@link InterruptedIOException} if the waiting thread is
     *     interrupted (its interrupt status is set again)
     */
    public static <C extends Closeable, T> T run(String what, Duration limit, Open<C> open,
            Use<C, T> use, Runnable unblock) throws IOException {
        var job = new Job<>(open, use);
        Future<T> result = THREADS.submit(job::call);
        try {
            return result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (TimeoutException e) {
            job.abandon();
            if (unblock != null) {
                THREADS.execute(() -> {
                    try {
                        unblock.run();
                    } catch (RuntimeException ignored) {
                        // best effort: the caller has its answer already
                    }
                });
            }
            throw new IoTimeoutException(what, limit);
        } catch (InterruptedException e) {
            job.abandon();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + what);
        }
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    /**
     * One open-use-close. {@code slot} is null while opening, then the open resource, then {@link
     * #DONE} or {@link #ABANDONED}: whoever moves it away from the resource closes it, once.
     */
    private static final class Job<C extends Closeable, T> {
        private static final Object DONE = new Object();
        private static final Object ABANDONED = new Object();

        private final Open<C> open;
        private final Use<C, T> use;
        private final AtomicReference<Object> slot = new AtomicReference<>();

        Job(Open<C> open, Use<C, T> use) {
            this.open = open;
            this.use = use;
        }

        T call() throws IOException {
            C resource = open.open();
            if (!slot.compareAndSet(null, resource)) {
                resource.close(); // nobody waits for it any more
                return null;
            }
            try {
                return use.apply(resource);
            } finally {
                if (slot.getAndSet(DONE) == resource) {
                    resource.close();
                }
            }
        }

        /** The caller has stopped waiting: close the resource if it is open. */
        void abandon() {
            Object held = slot.getAndSet(ABANDONED);
            if (held instanceof Closeable resource) {
                THREADS.execute(() -> closeQuietly(resource));
            }
        }

        private static void closeQuietly(Closeable resource) {
            try {
                resource.close();
            } catch (IOException ignored) {
                // closed to end a read nobody waits for; how it ended does not matter
            }
        }
    }
}
