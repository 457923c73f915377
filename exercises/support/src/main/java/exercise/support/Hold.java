package exercise.support;

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
 * A storage seam an exercise's test can slow down and watch: the writes it selects wait until the
 * test releases them; it records which lists started to be written and which were written, in
 * order, and how many writes ran at once. (Test support: the code under test never sees more
 * than a {@link Storage}.)
 */
public final class Hold {
    private final Predicate<TodoList> held;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    public final List<TodoList> started = new CopyOnWriteArrayList<>();
    public final List<TodoList> completed = new CopyOnWriteArrayList<>();

    private Hold(Predicate<TodoList> held) {
        this.held = held;
    }

    public static Hold everyWrite() {
        return new Hold(list -> true);
    }

    /** Holds every write of this very list (not merely the first write: two may race to be first). */
    public static Hold writesOf(TodoList list) {
        return new Hold(list::equals);
    }

    public void release() {
        gate.countDown();
    }

    /** Writes running now: started, not yet written. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most writes that ran at once so far. */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    public Storage around(Storage inner) {
        return new ForwardingStorage(inner) {
            @Override
            public void write(String key, byte[] bytes) {
                TodoList list = TermCodec.decode(bytes);
                mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                started.add(list);
                try {
                    if (held.test(list)) {
                        gate.await();
                    }
                    inner.write(key, bytes);
                    completed.add(list);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        };
    }
}
