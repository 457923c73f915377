package pekkotwin;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The load test's concurrent gets the way a Pekko program would make them: N client actors, not
 * N blocked threads. Each asks the cache with {@code context.ask} (a reply or a timeout comes back
 * as a message), one name at a time, client c taking names c, c + N, c + 2N... as the blocking
 * clients do. A round is one actor that starts the clients and answers once all have finished.
 */
public final class ActorClients extends AbstractBehavior<ActorClients.Message> {
    /** What a round is told and hears. */
    public sealed interface Message {}

    /** Starts the round; {@code replyTo} hears how many gets were answered and how many failed. */
    public record Start(ActorRef<Outcome> replyTo) implements Message {}

    /** What one round did. */
    public record Outcome(int answered, int failed) {}

    private record Finished(int answered, int failed) implements Message {}

    private final ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache;
    private final int names;
    private final int clients;
    private ActorRef<Outcome> replyTo;
    private int running;
    private int answered;
    private int failed;

    private ActorClients(ActorContext<Message> context,
            ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache, int names, int clients) {
        super(context);
        this.cache = cache;
        this.names = names;
        this.clients = clients;
    }

    /** A round of {@code clients} client actors getting names 1 to {@code names} once each. */
    public static Behavior<Message> create(
            ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache, int names, int clients) {
        return Behaviors.setup(context -> new ActorClients(context, cache, names, clients));
    }

    @Override
    public Receive<Message> createReceive() {
        return newReceiveBuilder()
                .onMessage(Start.class, this::start)
                .onMessage(Finished.class, this::finished)
                .build();
    }

    private Behavior<Message> start(Start start) {
        replyTo = start.replyTo();
        running = clients;
        ActorRef<Finished> self = getContext().getSelf().narrow();
        for (int c = 1; c <= clients; c++) {
            getContext().spawnAnonymous(Client.create(cache, c, names, clients, self));
        }
        return this;
    }

    private Behavior<Message> finished(Finished finished) {
        answered += finished.answered();
        failed += finished.failed();
        if (--running > 0) {
            return this;
        }
        replyTo.tell(new Outcome(answered, failed));
        return Behaviors.stopped();
    }

    /** One client actor: asks for its names one after the other, then reports and stops. */
    private static final class Client extends AbstractBehavior<Client.Message> {
        sealed interface Message {}

        private enum Answered implements Message {
            ANSWER
        }

        private record Failed(Throwable cause) implements Message {}

        @SuppressWarnings("unchecked")
        private static final Class<org.apache.pekko.actor.typed.ActorRef<TodoServer.Message>> SERVER = (Class<ActorRef<TodoServer.Message>>) (Class<?>) ActorRef.class;

        private final ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache;
        private final int last;
        private final int step;
        private final ActorRef<Finished> round;
        private int next;
        private int answered;
        private int failed;

        private Client(ActorContext<Message> context,
                ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache, int first, int last,
                int step, ActorRef<Finished> round) {
            super(context);
            this.cache = cache;
            this.next = first;
            this.last = last;
            this.step = step;
            this.round = round;
        }

        static Behavior<Message> create(
                ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache, int first, int last,
                int step, ActorRef<Finished> round) {
            return Behaviors.setup(context -> {
                var client = new Client(context, cache, first, last, step, round);
                return client.askNextOrFinish();
            });
        }

        @Override
        public Receive<Message> createReceive() {
            return newReceiveBuilder()
                    .onMessage(Answered.class, answer -> {
                        answered++;
                        return askNextOrFinish();
                    })
                    .onMessage(Failed.class, failure -> {
                        failed++;
                        return askNextOrFinish();
                    })
                    .build();
        }

        private Behavior<Message> askNextOrFinish() {
            if (next > last) {
                round.tell(new Finished(answered, failed));
                return Behaviors.stopped();
            }
            String name = "cache_" + next;
            next += step;
            getContext().ask(SERVER, cache, PekkoSystem.TIMEOUT,
                    replyTo -> new TodoCache.ServerProcess<>(name, replyTo),
                    (server, failure) -> server != null ? Answered.ANSWER : new Failed(failure));
            return this;
        }
    }
}
