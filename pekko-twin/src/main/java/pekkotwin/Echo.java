package pekkotwin;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * An actor that answers at once and does nothing else: a blocking ask to it is Pekko's floor under
 * a get, the twin of the load test's bare round trip between two processes.
 */
public final class Echo {
    private Echo() {}

    /** A ping that wants its pong. */
    public record Ping(ActorRef<Pong> replyTo) {}

    /** The answer. */
    public enum Pong {
        PONG
    }

    public static Behavior<Ping> create() {
        return Behaviors.receive(Ping.class).onMessage(Ping.class, ping -> {
            ping.replyTo().tell(Pong.PONG);
            return Behaviors.same();
        }).build();
    }
}
