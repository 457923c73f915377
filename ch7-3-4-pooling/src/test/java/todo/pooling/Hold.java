package todo.pooling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import todo.TodoList;
import todo.persistence.codec.TermCodec;
import todo.pooling.safety.WriteHooks;

/**
 * Write hooks a test can slow down with: the writes it selects wait until the test releases them.
 * It records which lists started to be written and which were written, in order. A design takes
 * it as its {@link WriteHooks}; {@link #around} puts it around any storage.
 */
public final class Hold implements WriteHooks {
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

    @Override
    public void begin(String key, byte[] bytes) {
        TodoList list = TermCodec.decode(bytes);
        started.add(list);
        if (held.test(list)) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void end(String key, byte[] bytes) {
        completed.add(TermCodec.decode(bytes));
    }
}
