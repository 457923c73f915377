package pekkotwin;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import todo.TodoList;
import todo.persistence.FileStorage;
import todo.persistence.codec.TermCodec;

/**
 * The book's 7.3.2 {@code Todo.Database} as one Pekko actor: every store writes the whole list to
 * its file, in the BEAM's external term format ({@link TermCodec}), through step 7.3's
 * {@link FileStorage} (a temporary file renamed over the old one), one store after the other.
 * Pekko shows no mailbox length, so the stores waiting are counted in {@code waiting}: the to-do
 * actors add one as they send a store, the database takes one off as it takes a store in.
 */
public final class TodoDatabase extends AbstractBehavior<TodoDatabase.Message> {
    /** What the database is asked. */
    public sealed interface Message {}

    /** The book's {@code store}: a cast. */
    public record Store(String name, TodoList list) implements Message {}

    /** The book's {@code get}: a call, answered with the stored list or a null one. */
    public record Get(String name, ActorRef<Found> replyTo) implements Message {}

    /** The answer to a get: the stored list, null if the name has none. */
    public record Found(TodoList list) {}

    private final FileStorage storage;
    private final AtomicInteger waiting;

    private TodoDatabase(ActorContext<Message> context, FileStorage storage,
            AtomicInteger waiting) {
        super(context);
        this.storage = storage;
        this.waiting = waiting;
    }

    public static Behavior<Message> create(FileStorage storage, AtomicInteger waiting) {
        return Behaviors.setup(context -> new TodoDatabase(context, storage, waiting));
    }

    @Override
    public Receive<Message> createReceive() {
        return newReceiveBuilder()
                .onMessage(Store.class, store -> {
                    waiting.decrementAndGet();
                    storage.write(store.name(), TermCodec.encode(store.list()));
                    return this;
                })
                .onMessage(Get.class, get -> {
                    byte[] bytes = storage.read(get.name());
                    get.replyTo().tell(new Found(bytes == null ? null : TermCodec.decode(bytes)));
                    return this;
                })
                .build();
    }
}
