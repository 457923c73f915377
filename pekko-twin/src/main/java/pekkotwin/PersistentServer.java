package pekkotwin;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import todo.TodoEntry;
import todo.TodoList;

/**
 * Step 7.3's to-do server as a Pekko actor: it first loads its list from the database (the book's
 * {@code handle_continue}: requests that come meanwhile wait in a stash), then stores the whole
 * list on every addition.
 */
public final class PersistentServer extends AbstractBehavior<PersistentServer.Message> {
    /** What a to-do actor is asked. */
    public sealed interface Message {}

    /** The book's {@code add_entry}: a cast, which stores the list. */
    public record AddEntry(TodoEntry entry) implements Message {}

    /** The book's {@code entries}: a call. */
    public record Entries(LocalDate date, ActorRef<List<TodoEntry>> replyTo) implements Message {}

    private record Loaded(TodoList list) implements Message {}

    private record NotLoaded(Throwable cause) implements Message {}

    /** Requests that may wait for the list to load: far more than any client sends meanwhile. */
    private static final int STASH = 100_000;

    private final String name;
    private final ActorRef<TodoDatabase.Message> database;
    private final AtomicInteger waiting;
    private TodoList list;

    private PersistentServer(ActorContext<Message> context, String name, TodoList list,
            ActorRef<TodoDatabase.Message> database, AtomicInteger waiting) {
        super(context);
        this.name = name;
        this.list = list;
        this.database = database;
        this.waiting = waiting;
    }

    /**
     * The to-do actor of list {@code name}; {@code waiting} counts the stores it has sent that the
     * database has not taken in yet.
     */
    public static Behavior<Message> create(String name, ActorRef<TodoDatabase.Message> database,
            AtomicInteger waiting) {
        return Behaviors.withStash(STASH, stash -> Behaviors.setup(context -> {
            context.ask(TodoDatabase.Found.class, database, PekkoSystem.TIMEOUT,
                    replyTo -> new TodoDatabase.Get(name, replyTo),
                    (found, failure) -> found != null
                            ? new Loaded(found.list())
                            : new NotLoaded(failure));
            return Behaviors.receive(Message.class)
                    .onMessage(Loaded.class, loaded -> stash.unstashAll(new PersistentServer(
                            context, name, loaded.list() == null
                                    ? TodoList.empty()
                                    : loaded.list(),
                            database, waiting)))
                    .onMessage(NotLoaded.class, failed -> {
                        throw new IllegalStateException("cannot load list " + name,
                                failed.cause());
                    })
                    .onAnyMessage(request -> {
                        stash.stash(request);
                        return Behaviors.same();
                    })
                    .build();
        }));
    }

    @Override
    public Receive<Message> createReceive() {
        return newReceiveBuilder()
                .onMessage(AddEntry.class, add -> {
                    list = list.addEntry(add.entry());
                    waiting.incrementAndGet();
                    database.tell(new TodoDatabase.Store(name, list));
                    return this;
                })
                .onMessage(Entries.class, ask -> {
                    ask.replyTo().tell(list.entries(ask.date()));
                    return this;
                })
                .build();
    }
}
