package pekkotwin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The one place the twins make an actor system: its configuration is written here in code over
 * Pekko's own defaults (no application.conf on the class path, no system property changes it),
 * so that a run says everything that set it up. The only knob is the default dispatcher's
 * threads, {@code -Dpekko.parallelism} (one per core unless set). Pekko's own warnings go to the
 * standard output through its plain logger, not through SLF4J (which says it has started).
 */
public final class PekkoSystem {
    private PekkoSystem() {}

    /** The system property that sets the default dispatcher's threads. */
    public static final String PARALLELISM = "pekko.parallelism";

    /** How long a blocking client waits for an answer: far beyond any pause of a loaded machine. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The dispatcher's threads: {@code value} if given (1 to 32767), else one per core. */
    public static int parallelism(String value) {
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 0x7fff) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + PARALLELISM
                + " takes a whole number from 1 to 32767 (the dispatcher's threads), not '" + value
                + "'");
    }

    /** Pekko's reference configuration with a default dispatcher of {@code parallelism} threads. */
    public static Config config(int parallelism) {
        return ConfigFactory.parseString("""
                pekko.use-slf4j = off
                # stopping a million actors takes longer than the default 10 s
                pekko.coordinated-shutdown.phases.actor-system-terminate.timeout = 300 s
                pekko.loglevel = WARNING
                pekko.stdout-loglevel = WARNING
                pekko.log-dead-letters = off
                pekko.log-dead-letters-during-shutdown = off
                pekko.actor.default-dispatcher.fork-join-executor {
                  parallelism-min = %d
                  parallelism-max = %d
                  parallelism-factor = 1.0
                }
                """.formatted(parallelism, parallelism))
                .withFallback(ConfigFactory.defaultReference()).resolve();
    }

    /** A system whose guardian spawns actors on request, with {@code parallelism} threads. */
    public static ActorSystem<SpawnProtocol.Command> start(String name, int parallelism) {
        return ActorSystem.create(SpawnProtocol.create(), name, config(parallelism));
    }

    /** A top-level actor of {@code system}, spawned by its guardian. */
    public static <T> ActorRef<T> spawn(ActorSystem<SpawnProtocol.Command> system,
            Behavior<T> behavior, String name) {
        return AskPattern.<SpawnProtocol.Command, ActorRef<T>>ask(system,
                replyTo -> new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), replyTo),
                TIMEOUT, system.scheduler()).toCompletableFuture().join();
    }

    /** Terminates {@code system} and waits until every actor has stopped. */
    public static void stop(ActorSystem<?> system) {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
    }
}
