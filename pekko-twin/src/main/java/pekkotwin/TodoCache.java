package pekkotwin;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.Scheduler;

/**
 * The book's {@code Todo.Cache} as a Pekko actor: a map of list name to to-do actor, kept in the
 * actor's own state, that spawns a to-do actor (its child) the first time a name is asked for.
 * One class for both twins: what a to-do actor is comes from {@code serverFor}.
 *
 * @param <S> the messages of the to-do actors it holds
 */
public final class TodoCache<S> extends AbstractBehavior<TodoCache.ServerProcess<S>> {
    /** The book's {@code server_process(cache, name)}: answers the name's to-do actor. */
    public record ServerProcess<S>(String name, ActorRef<ActorRef<S>> replyTo) {}

    private final Function<String, Behavior<S>> serverFor;
    private final Map<String, ActorRef<S>> servers = new HashMap<>();

    private TodoCache(ActorContext<ServerProcess<S>> context,
            Function<String, Behavior<S>> serverFor) {
        super(context);
        this.serverFor = serverFor;
    }

    /** A cache whose to-do actor for a name behaves as {@code serverFor.apply(name)}. */
    public static <S> Behavior<ServerProcess<S>> create(Function<String, Behavior<S>> serverFor) {
        return Behaviors.setup(context -> new TodoCache<>(context, serverFor));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Receive<ServerProcess<S>> createReceive() {
        return newReceiveBuilder()
                .onMessage((Class<ServerProcess<S>>) (Class<?>) ServerProcess.class,
                        this::serverProcess)
                .build();
    }

    private Behavior<ServerProcess<S>> serverProcess(ServerProcess<S> request) {
        ActorRef<S> server = servers.get(request.name());
        if (server == null) {
            server = getContext().spawnAnonymous(serverFor.apply(request.name()));
            servers.put(request.name(), server);
        }
        request.replyTo().tell(server);
        return this;
    }

    /** Asks {@code cache} for the name's to-do actor and waits for it: a blocking client. */
    public static <S> ActorRef<S> serverProcess(ActorRef<ServerProcess<S>> cache, String name,
            Scheduler scheduler) {
        return ask(cache, name, scheduler).join();
    }

    /** Asks {@code cache} for the name's to-do actor without waiting: the answer to come. */
    public static <S> CompletableFuture<ActorRef<S>> ask(ActorRef<ServerProcess<S>> cache,
            String name, Scheduler scheduler) {
        return AskPattern.<ServerProcess<S>, ActorRef<S>>ask(cache,
                replyTo -> new ServerProcess<>(name, replyTo), PekkoSystem.TIMEOUT, scheduler)
                .toCompletableFuture();
    }
}
