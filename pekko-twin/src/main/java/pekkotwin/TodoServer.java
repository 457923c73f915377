package pekkotwin;

import java.time.LocalDate;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import todo.TodoEntry;
import todo.TodoList;

/**
 * Step 7.2's to-do server as a Pekko actor: one to-do list (step 7.1's {@link TodoList}) in the
 * actor's own state, no storage. The load test starts a million of them and leaves them idle.
 */
public final class TodoServer extends AbstractBehavior<TodoServer.Message> {
    /** What a to-do actor is asked. */
    public sealed interface Message {}

    /** The book's {@code add_entry}: a cast. */
    public record AddEntry(TodoEntry entry) implements Message {}

    /** The book's {@code entries}: a call. */
    public record Entries(LocalDate date, ActorRef<List<TodoEntry>> replyTo) implements Message {}

    private TodoList list = TodoList.empty();

    private TodoServer(ActorContext<Message> context) {
        super(context);
    }

    public static Behavior<Message> create() {
        return Behaviors.setup(TodoServer::new);
    }

    @Override
    public Receive<Message> createReceive() {
        return newReceiveBuilder()
                .onMessage(AddEntry.class, add -> {
                    list = list.addEntry(add.entry());
                    return this;
                })
                .onMessage(Entries.class, ask -> {
                    ask.replyTo().tell(list.entries(ask.date()));
                    return this;
                })
                .build();
    }
}
