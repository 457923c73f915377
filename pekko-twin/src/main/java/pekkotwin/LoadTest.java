package pekkotwin;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import sidebyside.CacheLoad;
import sidebyside.Clients;
import sidebyside.Figure;
import sidebyside.Memory;
import sidebyside.SideBySide;

/**
 * The book's load test (section 7.2.3), side-by-side's {@code sidebyside.CacheLoad}, on Apache
 * Pekko's typed actors: one cache actor, a to-do actor per name, a million names. It prints the
 * Java twin's lines in the same words, so that one table can hold our runtime, the BEAM and
 * Pekko. The put and the get are timed from one blocking client (a virtual thread waiting on
 * {@code AskPattern.ask}), as the twin's one client calls; with {@code --clients N} the concurrent
 * gets are measured three times: from N blocking clients (the twin's line), from N blocking
 * clients with {@value sidebyside.CacheLoad#IN_FLIGHT} asks in flight each (the twin's line too),
 * and from N client actors that never block (a line of its own, "N actor clients").
 *
 * <pre>mvn -q -pl pekko-twin -am compile exec:exec@pekko-load-test -Dpekko.args="--clients 64"</pre>
 */
public final class LoadTest {
    private LoadTest() {}

    /** How many bare round trips each floor measurement makes, after as many to compile it. */
    static final int BARE_ROUND_TRIPS = 200_000;

    /**
     * {@code --processes N} (default 1,000,000), {@code --clients N} (default 1) and
     * {@code --round-trips N}, the bare round trips of the floor (default 200,000).
     */
    record Options(int processes, int clients, int roundTrips) {
        static Options parse(List<String> args) {
            int processes = 1_000_000;
            int clients = 1;
            int roundTrips = BARE_ROUND_TRIPS;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (i + 1 >= args.size() || !List.of("--processes", "--clients", "--round-trips")
                        .contains(arg)) {
                    throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
                int value = CacheLoad.positive(arg, args.get(++i));
                switch (arg) {
                    case "--processes" -> processes = value;
                    case "--clients" -> clients = value;
                    default -> roundTrips = value;
                }
            }
            if (clients > processes) {
                // each client asks for its own names, as the Java twin refuses too
                throw new IllegalArgumentException("--clients " + clients + " is more than the "
                        + processes + " names there are to ask for (--processes)");
            }
            return new Options(processes, clients, roundTrips);
        }
    }

    /**
     * The figures a {@code --vs pekko} column reads: side-by-side's {@code CacheLoad.figures()} in
     * the same words, then the one line only this twin prints (the client actors).
     */
    public static List<Figure> figures() {
        var figures = new ArrayList<>(CacheLoad.figures());
        figures.add(CacheLoad.ACTOR_CLIENTS);
        return List.copyOf(figures);
    }

    /** The figures of one run. */
    record Report(int processes, int parallelism, double averagePutMicros,
            double averageGetMicros, OptionalLong peakRssMegabytes, int clients,
            double blockingClientGetsPerSecond, double pipelinedClientGetsPerSecond,
            double actorClientGetsPerSecond,
            long heapBytesHeld, double bareRoundTripMicros, double bareRoundTripsPerSecond) {}

    public static void main(String[] args) throws InterruptedException {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the test with {@code args}, the figures to {@code out}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream progress)
            throws InterruptedException {
        Options options;
        int parallelism;
        try {
            options = Options.parse(SideBySide.words(args));
            parallelism = PekkoSystem.parallelism(System.getProperty(PekkoSystem.PARALLELISM));
        } catch (IllegalArgumentException e) {
            progress.println("LoadTest: " + e.getMessage());
            progress.println("usage: LoadTest [--processes N] [--clients N] [--round-trips N]");
            progress.println("       (through Maven: -Dpekko.args=\"...\" -Dpekko.parallelism=N,"
                    + " one thread per core by default)");
            return 2;
        }
        long heapBefore = Memory.usedHeapAfterGc();
        ActorSystem<SpawnProtocol.Command> system = PekkoSystem.start("load-test", parallelism);
        try {
            Report report;
            try {
                report = measure(system, options, parallelism, heapBefore, progress);
            } catch (Clients.ClientStopped e) {
                progress.println("LoadTest: " + e.getMessage());
                return 1;
            }
            if (report == null) {
                return 1;
            }
            print(report, out); // before the million actors are stopped, which takes seconds
            return 0;
        } finally {
            PekkoSystem.stop(system);
        }
    }

    /** The whole test on {@code system}; null (after saying why) if a get went unanswered. */
    private static Report measure(ActorSystem<SpawnProtocol.Command> system, Options options,
            int parallelism, long heapBefore, PrintStream progress) throws InterruptedException {
        int n = options.processes();
        Scheduler scheduler = system.scheduler();
        ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache = PekkoSystem.spawn(system,
                TodoCache.create(name -> TodoServer.create()), "todo-cache");
        // The book's one client, as a virtual thread, as the Java twin's.
        double[] micros = new double[2];
        Clients.inClient("load-test", () -> {
            micros[0] = timeEachName(cache, scheduler, n, "put", progress);
            micros[1] = timeEachName(cache, scheduler, n, "get", progress);
        });
        // Read before the concurrent phase, as the twins do: the memory of n idle actors.
        OptionalLong peakRss = Memory.peakRssMegabytes();
        long held = Memory.usedHeapAfterGc() - heapBefore;
        double blocking = 0;
        double pipelined = 0;
        double actors = 0;
        if (options.clients() > 1) {
            blocking = blockingClientGets(cache, scheduler, n, options.clients(), progress);
            pipelined = pipelinedClientGets(cache, scheduler, n, options.clients(), progress);
            actors = actorClientGets(system, cache, n, options.clients(), progress);
            if (actors < 0) {
                return null;
            }
        }
        ActorRef<Echo.Ping> echo = PekkoSystem.spawn(system, Echo.create(), "echo");
        double bare = bareRoundTrips(echo, scheduler, options.roundTrips(), progress);
        double bareConcurrent = options.clients() > 1
                ? bareRoundTripsPerSecond(echo, scheduler, options.clients(),
                        options.roundTrips(), progress)
                : 0;
        return new Report(n, parallelism, micros[0], micros[1], peakRss, options.clients(),
                blocking, pipelined, actors, held, bare, bareConcurrent);
    }

    /** Asks the cache for every name once, as the book does; returns the average time in µs. */
    private static double timeEachName(ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache,
            Scheduler scheduler, int n, String phase, PrintStream progress) {
        int step = Math.max(1, n / 10);
        long start = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            TodoCache.serverProcess(cache, "cache_" + i, scheduler);
            if (i % step == 0) {
                progress.printf(Locale.ROOT, "%s %,d of %,d%n", phase, i, n);
            }
        }
        return (System.nanoTime() - start) / 1_000.0 / n;
    }

    /**
     * Client c (of N, each a virtual thread blocked on its ask) gets names c, c + N, c + 2N...
     * once each; a warm-up round, then a measured one, as the twins do. Returns gets per second.
     */
    private static double blockingClientGets(
            ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache, Scheduler scheduler,
            int n, int clients, PrintStream progress) throws InterruptedException {
        progress.printf(Locale.ROOT,
                "get %,d names from %d concurrent blocking clients (warm-up)%n", n, clients);
        blockingRound(clients, n, i -> TodoCache.serverProcess(cache, "cache_" + i, scheduler));
        progress.printf(Locale.ROOT, "get %,d names from %d concurrent blocking clients%n", n,
                clients);
        return blockingRound(clients, n,
                i -> TodoCache.serverProcess(cache, "cache_" + i, scheduler));
    }

    /**
     * The same from blocking clients that keep {@value CacheLoad#IN_FLIGHT} asks in flight each,
     * waiting for the oldest once that many are out, as the twins' clients keep their calls.
     */
    private static double pipelinedClientGets(
            ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache, Scheduler scheduler,
            int n, int clients, PrintStream progress) throws InterruptedException {
        progress.printf(Locale.ROOT,
                "get %,d names from %d clients, %d asks in flight each (warm-up)%n", n, clients,
                CacheLoad.IN_FLIGHT);
        pipelinedRound(cache, scheduler, n, clients);
        progress.printf(Locale.ROOT, "get %,d names from %d clients, %d asks in flight each%n",
                n, clients, CacheLoad.IN_FLIGHT);
        return pipelinedRound(cache, scheduler, n, clients);
    }

    private static double pipelinedRound(
            ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache, Scheduler scheduler,
            int n, int clients) throws InterruptedException {
        return Clients.perSecond("load-client", n, clients,
                client -> Clients.keepInFlight(client, n, clients, CacheLoad.IN_FLIGHT,
                        i -> TodoCache.ask(cache, "cache_" + i, scheduler),
                        CompletableFuture::join));
    }

    /** The same from {@code clients} client actors: a warm-up round, then a measured one. */
    private static double actorClientGets(ActorSystem<SpawnProtocol.Command> system,
            ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache, int n, int clients,
            PrintStream progress) {
        progress.printf(Locale.ROOT, "get %,d names from %d client actors (warm-up)%n", n,
                clients);
        if (actorRound(system, cache, n, clients, "warm-up", progress) < 0) {
            return -1;
        }
        progress.printf(Locale.ROOT, "get %,d names from %d client actors%n", n, clients);
        return actorRound(system, cache, n, clients, "measured", progress);
    }

    /** Gets per second of one round of client actors; -1 (after saying so) if any get failed. */
    private static double actorRound(ActorSystem<SpawnProtocol.Command> system,
            ActorRef<TodoCache.ServerProcess<TodoServer.Message>> cache, int n, int clients,
            String round, PrintStream progress) {
        long start = System.nanoTime();
        ActorRef<ActorClients.Message> clientsRound = PekkoSystem.spawn(system,
                ActorClients.create(cache, n, clients), "clients-" + round);
        ActorClients.Outcome outcome = AskPattern.<ActorClients.Message, ActorClients.Outcome>ask(
                clientsRound, ActorClients.Start::new, PekkoSystem.TIMEOUT.multipliedBy(10),
                system.scheduler()).toCompletableFuture().join();
        double perSecond = n / ((System.nanoTime() - start) / 1e9);
        if (outcome.failed() > 0 || outcome.answered() != n) {
            progress.printf(Locale.ROOT, "LoadTest: %,d of %,d gets of the client actors'"
                    + " %s round went unanswered%n", n - outcome.answered(), n, round);
            return -1;
        }
        return perSecond;
    }

    /** What a blocking client does with its i-th name or round trip. */
    private interface Call {
        void make(int i);
    }

    /** {@code clients} virtual threads make calls i = c, c + N, ... up to {@code n}; per second. */
    private static double blockingRound(int clients, int n, Call call)
            throws InterruptedException {
        return Clients.perSecond("load-client", n, clients, client -> {
            for (int i = client; i <= n; i += clients) {
                call.make(i);
            }
        });
    }

    private static void ping(ActorRef<Echo.Ping> echo, Scheduler scheduler) {
        AskPattern.<Echo.Ping, Echo.Pong>ask(echo, Echo.Ping::new, PekkoSystem.TIMEOUT, scheduler)
                .toCompletableFuture().join();
    }

    /** Blocking asks to an actor that answers at once, from one client: the floor, in µs. */
    private static double bareRoundTrips(ActorRef<Echo.Ping> echo, Scheduler scheduler,
            int roundTrips, PrintStream progress) throws InterruptedException {
        double[] micros = new double[1];
        Clients.inClient("bare-round-trips", () -> {
            for (int i = 0; i < roundTrips; i++) { // compiles the path first
                ping(echo, scheduler);
            }
            long start = System.nanoTime();
            for (int i = 0; i < roundTrips; i++) {
                ping(echo, scheduler);
            }
            micros[0] = (System.nanoTime() - start) / 1_000.0 / roundTrips;
        });
        progress.printf(Locale.ROOT, "%,d bare round trips from one client%n", roundTrips);
        return micros[0];
    }

    /** The same from {@code clients} blocking clients of the one echo actor, per second. */
    private static double bareRoundTripsPerSecond(ActorRef<Echo.Ping> echo, Scheduler scheduler,
            int clients, int roundTrips, PrintStream progress) throws InterruptedException {
        int total = Math.max(roundTrips, clients) / clients * clients; // as many each
        blockingRound(clients, total, i -> ping(echo, scheduler));
        double perSecond = blockingRound(clients, total, i -> ping(echo, scheduler));
        progress.printf(Locale.ROOT, "%,d bare round trips from %,d clients%n", total, clients);
        return perSecond;
    }

    static void print(Report r, PrintStream out) {
        out.printf(Locale.ROOT, "average put %.2f µs%n", r.averagePutMicros());
        out.printf(Locale.ROOT, "average get %.2f µs%n", r.averageGetMicros());
        r.peakRssMegabytes().ifPresent(mb -> out.printf(Locale.ROOT,
                "peak RSS with %,d servers: %,d MB%n", r.processes(), mb));
        out.printf(Locale.ROOT, "requests/second through one cache, one client: %,.0f%n",
                1e6 / r.averageGetMicros());
        if (r.clients() > 1) {
            out.printf(Locale.ROOT, "requests/second through one cache, %d clients: %,.0f%n",
                    r.clients(), r.blockingClientGetsPerSecond());
            out.printf(Locale.ROOT,
                    "requests/second through one cache, %d clients with %d calls in flight"
                            + " each: %,.0f%n",
                    r.clients(), CacheLoad.IN_FLIGHT, r.pipelinedClientGetsPerSecond());
            out.printf(Locale.ROOT, "requests/second through one cache, %d actor clients: %,.0f%n",
                    r.clients(), r.actorClientGetsPerSecond());
        }
        out.printf(Locale.ROOT, "bare round trip between two processes %.2f µs%n",
                r.bareRoundTripMicros());
        if (r.clients() > 1) {
            out.printf(Locale.ROOT, "bare round trips/second, %d clients of one process: %,.0f%n",
                    r.clients(), r.bareRoundTripsPerSecond());
        }
        out.printf(Locale.ROOT, "memory held by %,d processes: %,d MB of heap (%,d bytes each)%n",
                r.processes(), r.heapBytesHeld() >> 20, r.heapBytesHeld() / r.processes());
        out.printf(Locale.ROOT, "Pekko default dispatcher: %d thread%s%n", r.parallelism(),
                r.parallelism() == 1 ? "" : "s");
    }
}
