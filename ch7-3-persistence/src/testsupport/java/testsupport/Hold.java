package testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import todo.TodoList;
import todo.persistence.Storage;
import todo.persistence.codec.TermCodec;
import todo.persistence.safety.ForwardingStorage;

/**
 * A slow disk on demand, without timing: the reads and writes a test selects wait until it calls
 * {@link #release}, and the test watches which lists started to be written, which ended, in
 * order, and how many writes ran at once. Every module's tests share this one (ch7-3-persistence's
 * test jar; a package outside {@code todo}, so no step's process rules import it): the code under
 * test sees only a {@link Storage}, or, in 7.3.4, the design's write hooks ({@link #begin},
 * {@link #end}).
 */
public final class Hold {
    private final Predicate<TodoList> heldWrites;
    private final Predicate<String> heldReads;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    /** The lists whose writes began, in order. */
    public final List<TodoList> started = new CopyOnWriteArrayList<>();
    /** The lists whose writes ended, in order. */
    public final List<TodoList> completed = new CopyOnWriteArrayList<>();

    private Hold(Predicate<TodoList> heldWrites, Predicate<String> heldReads) {
        this.heldWrites = heldWrites;
        this.heldReads = heldReads;
    }

    /** Holds every write; reads pass. */
    public static Hold everyWrite() {
        return new Hold(list -> true, key -> false);
    }

    /** Holds every write of this very list (not merely the first write: two may race to be first). */
    public static Hold writesOf(TodoList list) {
        return new Hold(list::equals, key -> false);
    }

    /** Holds every read of {@code key}; writes pass. */
    public static Hold readsOf(String key) {
        return new Hold(list -> false, key::equals);
    }

    /** Holds every read and every write: a disk busy with a backlog. */
    public static Hold everything() {
        return new Hold(list -> true, key -> true);
    }

    /** Lets every held read and write go on, and every later one pass. */
    public void release() {
        gate.countDown();
    }

    /** Writes running now: begun, not yet ended. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most writes that ran at once so far. */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    /** A write of {@code bytes} begins: it is counted, and waits here if it is held. */
    public void begin(String key, byte[] bytes) {
        TodoList list = TermCodec.decode(bytes);
        mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        started.add(list);
        if (heldWrites.test(list)) {
            await();
        }
    }

    /** That write has ended, written or failed. */
    public void end(String key, byte[] bytes) {
        completed.add(TermCodec.decode(bytes));
        inFlight.decrementAndGet();
    }

    /** {@code inner} with this hold around each read and write. */
    public Storage around(Storage inner) {
        return new ForwardingStorage(inner) {
            @Override
            public void write(String key, byte[] bytes) {
                begin(key, bytes);
                try {
                    inner.write(key, bytes);
                } finally {
                    end(key, bytes);
                }
            }

            @Override
            public byte[] read(String key) {
                if (heldReads.test(key)) {
                    await();
                }
                return inner.read(key);
            }
        };
    }

    private void await() {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
