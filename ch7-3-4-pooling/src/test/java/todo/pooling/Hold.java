package todo.pooling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import todo.TodoList;
import todo.persistence.Storage;
import todo.persistence.TermCodec;

/**
 * A storage seam a test can slow down: the writes it selects wait until the test releases them.
 * It records which lists started to be written and which were written, in order. {@link
 * #around} wraps any storage; every wrapper shares this one hold (design 6 wraps each statement).
 */
public final class Hold {
    private final Predicate<TodoList> held;
    private final CountDownLatch gate = new CountDownLatch(1);
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

    public Storage around(Storage inner) {
        return new Storage() {
            @Override
            public void write(String key, byte[] bytes) {
                TodoList list = TermCodec.decode(bytes);
                started.add(list);
                if (held.test(list)) {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                inner.write(key, bytes);
                completed.add(list);
            }

            @Override
            public byte[] read(String key) {
                return inner.read(key);
            }

            @Override
            public String locationOf(String key) {
                return inner.locationOf(key);
            }
        };
    }
}
