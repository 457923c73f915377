package sidebyside;

import genserver.GenServer;
import genserver.Pid;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import todo.cache.LoadTest;
import todo.cache.TodoCache;

/**
 * Step 7.2's {@link LoadTest} with the measurements the book does not make: a million to-do
 * servers behind one cache, the put and the get timed as the book does (the same
 * {@link LoadTest#timeEachName}), then with {@code --clients N} how many gets per second one cache
 * answers to N concurrent callers, each waiting for every answer as the book's client does, and
 * then to N clients that keep {@value #IN_FLIGHT} calls in flight each, and the runtime's floor
 * under a get ({@link HandOffFloor}).
 * With {@code --vs-elixir [rounds]} it runs itself and its Elixir twin
 * ({@code ch7-2-cache/src/elixir/load_test.exs}, the book's code) alternately and prints one
 * table.
 *
 * <pre>mvn -q -pl side-by-side -am compile exec:exec@cache-load -Dload.args="--vs-elixir"</pre>
 */
public final class CacheLoad {
    private CacheLoad() {}

    /** The concurrent clients that {@code --vs-elixir} measures unless told otherwise. */
    static final int VS_ELIXIR_CLIENTS = 64;

    /** What to run: {@code --processes N} (default 1,000,000) and {@code --clients N} (default 1). */
    record Options(int processes, int clients) {
        static Options parse(String... rawArgs) {
            return parse(words(rawArgs));
        }

        static Options parse(List<String> args) {
            int processes = 1_000_000;
            int clients = 1;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (!(arg.equals("--processes") || arg.equals("--clients"))) {
                    throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(arg + " needs a number after it");
                }
                int value = positive(arg, args.get(++i));
                if (arg.equals("--processes")) {
                    processes = value;
                } else {
                    clients = value;
                }
            }
            if (clients > processes) {
                // each client asks for its own names: one with none would measure its own start
                throw new IllegalArgumentException("--clients " + clients + " is more than the "
                        + processes + " names there are to ask for (--processes)");
            }
            return new Options(processes, clients);
        }
    }

    /**
     * An option's value as a positive whole number ({@code 1_000_000} too), or an error that names
     * the option; the Pekko twin reads its options with it as well.
     */
    public static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                option + " takes a positive whole number, not '" + value + "'");
    }

    /** The JDK's setting for the virtual threads' carriers, which {@code -Dload.carriers} sets. */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    /** The most carriers the JDK's scheduler takes (its {@code ForkJoinPool}'s limit). */
    static final int MOST_CARRIERS = 0x7fff;

    /**
     * Checked before the first virtual thread starts, as the JDK reads it then
     * ({@code Integer.parseInt}, 1 to {@value #MOST_CARRIERS}): a bad value would end the program
     * with an {@code ExceptionInInitializerError}.
     */
    static void requireCarriers(String carriers) {
        if (carriers == null) {
            return;
        }
        try {
            int n = Integer.parseInt(carriers);
            if (n >= 1 && n <= MOST_CARRIERS) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-Dload.carriers (the JDK's " + CARRIERS
                + ") takes a whole number from 1 to " + MOST_CARRIERS + ", not '" + carriers + "'");
    }

    /** Maven hands -Dload.args over as one argument: split it into words. */
    static List<String> words(String... rawArgs) {
        return Arrays.stream(String.join(" ", rawArgs).trim().split("\\s+"))
                .filter(word -> !word.isBlank()).toList();
    }

    /** The figures of one run. */
    record Report(int processes, double averagePutMicros, double averageGetMicros,
            OptionalLong peakRssMegabytes, int clients, double concurrentGetsPerSecond,
            double pipelinedGetsPerSecond, long heapBytesHeld, double bareRoundTripMicros,
            double bareRoundTripsPerSecond) {}

    /** {@code --vs-elixir} ({@code rounds} above 0) compares the concurrent phase too. */
    static void requireClientsToCompare(int rounds, Options options) {
        if (rounds > 0 && options.clients() < 2) {
            throw new IllegalArgumentException("--vs-elixir compares the concurrent gets too, so it"
                    + " needs --clients of at least 2, not " + options.clients());
        }
    }

    /** Where the figures below are in {@link #figures}. */
    private static final int GET = 1;
    private static final int CONCURRENT = 3;
    private static final int BARE = 5;
    private static final int BARE_CONCURRENT = 6;

    /** What both twins print, in the same words, for {@code --vs-elixir}. */
    public static List<Figure> figures() {
        return List.of(
                Figure.lowerIsBetter("average put", "µs", "^average put ([0-9.]+) µs"),
                Figure.lowerIsBetter("average get", "µs", "^average get ([0-9.]+) µs"),
                Figure.lowerIsBetter("peak RSS", "MB",
                        "^peak RSS with [0-9,]+ servers: ([0-9,]+) MB"),
                Figure.higherIsBetter("gets/s, concurrent clients", "gets/s",
                        "^requests/second through one cache, \\d+ clients: ([0-9,]+)"),
                Figure.higherIsBetter("gets/s, concurrent clients, " + IN_FLIGHT
                        + " calls in flight each", "gets/s",
                        "^requests/second through one cache, \\d+ clients with \\d+ calls in"
                                + " flight each: ([0-9,]+)"),
                Figure.lowerIsBetter("bare round trip", "µs",
                        "^bare round trip between two processes ([0-9.]+) µs"),
                Figure.higherIsBetter("bare round trips/s, concurrent clients", "round trips/s",
                        "^bare round trips/second, \\d+ clients of one process: ([0-9,]+)"));
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> words = words(args);
        int rounds;
        boolean pekko;
        Options options;
        try {
            rounds = SideBySide.roundsAskedFor(words);
            pekko = SideBySide.pekkoAskedFor(words);
            if (pekko && rounds == 0) {
                rounds = DEFAULT_ROUNDS;
            }
            if (pekko && !SideBySide.onClassPath(PEKKO_TWIN)) {
                throw new IllegalArgumentException("--vs pekko runs " + PEKKO_TWIN
                        + ", which only module pekko-twin has on its class path: mvn -q -pl"
                        + " pekko-twin -am compile exec:exec@cache-load-vs-pekko");
            }
            words = SideBySide.withoutOption(words);
            if (rounds > 0 && !words.contains("--clients")) {
                // at most one client per name, for a run of a few names
                int clients = Math.min(VS_ELIXIR_CLIENTS, Options.parse(words).processes());
                words = new ArrayList<>(words);
                words.addAll(List.of("--clients", String.valueOf(clients)));
            }
            options = Options.parse(words);
            requireClientsToCompare(rounds, options);
            requireCarriers(System.getProperty(CARRIERS));
        } catch (IllegalArgumentException e) {
            System.err.println("CacheLoad: " + e.getMessage());
            System.err.println(
                    "usage: CacheLoad [--processes N] [--clients N] [--vs-elixir [rounds]]"
                            + " [--vs pekko]");
            System.err.println("       (through Maven: -Dload.args=\"...\" -Dload.carriers=N,"
                    + " N from 1 to " + MOST_CARRIERS + ", 1 by default)");
            System.exit(2);
            return;
        }
        if (rounds > 0) {
            SideBySide sideBySide = sideBySide(words, rounds);
            if (pekko) {
                sideBySide = withPekko(sideBySide, words, System.getProperty(CARRIERS));
            }
            SideBySide.Outcome outcome = sideBySide.measure(System.out, System.err);
            if (outcome.ok()) {
                printOverTheFloor(outcome, options.clients(), System.out);
            }
            System.exit(outcome.ok() ? 0 : 1);
        }
        try {
            print(run(options, System.err), System.out);
        } catch (Clients.ClientStopped e) {
            System.err.println("CacheLoad: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * This program with the JVM options it was started with, next to {@code elixir --erl "+P
     * 2000000" load_test.exs} (the book's command), all with the same options; the BEAM runs once
     * per setting of {@link #beamSchedulers}: first as many schedulers ({@code +S N}) as this JVM
     * has carrier threads, then on its default (one per core) and on {@code +S 1}.
     */
    static SideBySide sideBySide(List<String> options, int rounds) {
        return sideBySide(options, rounds, System.getProperty(CARRIERS));
    }

    /** {@code carriers}: this JVM's carrier threads as set, or null for the JDK's default. */
    static SideBySide sideBySide(List<String> options, int rounds, String carriers) {
        return sideBySide(options, rounds, carriers, Runtime.getRuntime().availableProcessors());
    }

    /** The same on a machine of {@code cores} cores. */
    static SideBySide sideBySide(List<String> options, int rounds, String carriers, int cores) {
        var java = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        java.add(CacheLoad.class.getName());
        java.addAll(options);
        var twins = new ArrayList<SideBySide.Twin>();
        twins.add(SideBySide.Twin.java(SideBySide.JAVA, java));
        for (Integer schedulers : beamSchedulers(carriers, cores)) {
            String erl = "+P 2000000" + (schedulers == null ? "" : " +S " + schedulers);
            var elixir = new ArrayList<>(List.of("--erl", erl, elixirTwin().toString()));
            elixir.addAll(options);
            twins.add(SideBySide.Twin.elixir(beamLabel(schedulers, cores), elixir));
        }
        return new SideBySide("CacheLoad " + String.join(" ", options) + ": Java / Elixir",
                twins, figures(), rounds);
    }

    /**
     * The BEAM's settings, as its {@code +S} (null: its default, a scheduler per core), a run of
     * the Elixir twin each in every round: first as many as this JVM has {@code carriers} (null:
     * the JDK's default, a carrier per core), one core against one core; then the default and
     * {@code +S 1}, each unless a setting before it already runs that many schedulers.
     */
    static List<Integer> beamSchedulers(String carriers, int cores) {
        var settings = new ArrayList<Integer>();
        settings.add(carriers == null ? null : Integer.valueOf(Integer.parseInt(carriers)));
        for (Integer other : java.util.Arrays.asList(null, 1)) {
            int count = other == null ? cores : other;
            if (settings.stream().noneMatch(s -> (s == null ? cores : s) == count)) {
                settings.add(other);
            }
        }
        return settings;
    }

    /** The row of the BEAM with {@code schedulers} ({@code +S}; null for its default). */
    static String beamLabel(Integer schedulers, int cores) {
        if (schedulers == null) {
            return "Elixir (default schedulers, " + cores + ")";
        }
        return "Elixir (+S " + schedulers + (schedulers == cores ? ", as by default)" : ")");
    }

    /** The rounds of {@code --vs pekko} without {@code --vs-elixir N}. */
    static final int DEFAULT_ROUNDS = 3;

    /** The Pekko twin's main class (module pekko-twin), which prints the same lines. */
    static final String PEKKO_TWIN = "pekkotwin.LoadTest";

    /**
     * {@code sideBySide} with the Pekko twin as a third column: this JVM's options, Pekko's default
     * dispatcher given as many threads as this JVM has carriers (as the BEAM its schedulers),
     * the same {@code options}; its figures are ours and its client actors' gets per second.
     */
    static SideBySide withPekko(SideBySide sideBySide, List<String> options, String carriers) {
        var pekko = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (carriers != null) {
            pekko.add("-Dpekko.parallelism=" + Integer.parseInt(carriers));
        }
        pekko.add(PEKKO_TWIN);
        pekko.addAll(options);
        var figures = new ArrayList<>(figures());
        figures.add(ACTOR_CLIENTS);
        return sideBySide.withPekko(pekko, figures);
    }

    /** The line only the Pekko twin prints: gets/s from client actors that never block. */
    public static final Figure ACTOR_CLIENTS = Figure
            .higherIsBetter("gets/s, concurrent client actors", "gets/s",
                    "^requests/second through one cache, \\d+ actor clients: ([0-9,]+)")
            .onlySomeTwins();

    /** Where the Elixir twin is: the pom says; else found from the repository root or a module. */
    static Path elixirTwin() {
        String configured = System.getProperty("loadtest.elixir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path fromRoot = Path.of("ch7-2-cache/src/elixir/load_test.exs");
        return Files.isRegularFile(fromRoot) ? fromRoot : Path.of("..").resolve(fromRoot);
    }

    static Report run(Options options, PrintStream progress) throws InterruptedException {
        long heapBefore = Memory.usedHeapAfterGc();
        Pid<TodoCache.Request> cache = TodoCache.start();
        int n = options.processes();
        // The book's one client, as a virtual thread: a platform-thread caller pays for parking an
        // OS thread on every call, and that, not the cache, would be what we measured.
        double[] micros = new double[2];
        Clients.inClient("load-test", () -> {
            micros[0] = LoadTest.timeEachName(cache, n, "put", progress);
            micros[1] = LoadTest.timeEachName(cache, n, "get", progress);
        });
        // Read before the concurrent phase, as the twin does: the memory of n idle servers.
        OptionalLong peakRss = Memory.peakRssMegabytes();
        long held = Memory.usedHeapAfterGc() - heapBefore;
        double concurrent = options.clients() > 1
                ? concurrentGets(cache, n, options.clients(), progress)
                : 0;
        double pipelined = options.clients() > 1
                ? pipelinedGets(cache, n, options.clients(), progress)
                : 0;
        // The runtime's floor under a get, measured the way the twin measures the BEAM's.
        double bare = bareRoundTrips(progress);
        double bareConcurrent = options.clients() > 1
                ? bareRoundTripsPerSecond(options.clients(), progress)
                : 0;
        return new Report(n, micros[0], micros[1], peakRss, options.clients(), concurrent,
                pipelined, held, bare, bareConcurrent);
    }

    /**
     * Client c (of N) asks for names c, c + N, c + 2N... once each, all clients at once; returns
     * gets per second. The first round warms up the JIT (each client's loop is short), the second
     * is measured. The Elixir twin does exactly this.
     */
    private static double concurrentGets(Pid<TodoCache.Request> cache, int n, int clients,
            PrintStream progress)
            throws InterruptedException {
        progress.printf(Locale.ROOT, "get %,d names from %d concurrent clients (warm-up)%n", n,
                clients);
        Clients.perSecond("load-client", n, clients, client -> callEach(cache, client, n, clients));
        progress.printf(Locale.ROOT, "get %,d names from %d concurrent clients%n", n, clients);
        return Clients.perSecond("load-client", n, clients,
                client -> callEach(cache, client, n, clients));
    }

    /** How many calls each client of {@link #pipelinedGets} keeps in flight. */
    public static final int IN_FLIGHT = 16;

    /**
     * The concurrent gets again, each client keeping {@value #IN_FLIGHT} calls in flight instead
     * of waiting for every answer before it asks again: it sends with {@link GenServer#sendRequest}
     * (OTP's {@code send_request}) and receives the oldest answer once {@value #IN_FLIGHT} are out.
     * The cache, its call and its one reply per request are the book's; what changes is that a
     * client waits once for many answers, not once per get. The Elixir twin does the same with
     * {@code :gen_server.send_request}. Returns gets per second of the second round.
     */
    private static double pipelinedGets(Pid<TodoCache.Request> cache, int n, int clients,
            PrintStream progress) throws InterruptedException {
        progress.printf(Locale.ROOT,
                "get %,d names from %d clients, %d calls in flight each (warm-up)%n", n, clients,
                IN_FLIGHT);
        Clients.perSecond("load-client", n, clients,
                client -> keepInFlight(cache, client, n, clients));
        progress.printf(Locale.ROOT, "get %,d names from %d clients, %d calls in flight each%n",
                n, clients, IN_FLIGHT);
        return Clients.perSecond("load-client", n, clients,
                client -> keepInFlight(cache, client, n, clients));
    }

    /** Client {@code client} (of {@code clients}): a call per name, each answer awaited. */
    private static void callEach(Pid<TodoCache.Request> cache, int client, int n, int clients) {
        for (int i = client; i <= n; i += clients) {
            TodoCache.serverProcess(cache, "cache_" + i);
        }
    }

    /** The same names, {@link #IN_FLIGHT} calls out at a time, the oldest answer awaited first. */
    private static void keepInFlight(Pid<TodoCache.Request> cache, int client, int n,
            int clients) {
        Clients.keepInFlight(client, n, clients, IN_FLIGHT,
                i -> GenServer.sendRequest(cache, new TodoCache.ServerProcess("cache_" + i)),
                GenServer::receiveResponse);
    }

    /**
     * How many bare round trips each floor measurement makes (at least one per client), after as
     * many to compile the path.
     */
    static final int BARE_ROUND_TRIPS = 200_000;

    /** {@link HandOffFloor} from one client: the runtime's floor under a get, in µs. */
    private static double bareRoundTrips(PrintStream progress)
            throws InterruptedException {
        HandOffFloor.roundTripMicros(BARE_ROUND_TRIPS);
        double micros = HandOffFloor.roundTripMicros(BARE_ROUND_TRIPS);
        progress.printf(Locale.ROOT, "%,d bare round trips from one client%n", BARE_ROUND_TRIPS);
        return micros;
    }

    /** The same from {@code clients} clients of one process at once, in round trips per second. */
    private static double bareRoundTripsPerSecond(int clients, PrintStream progress)
            throws InterruptedException {
        int roundTrips = Math.max(BARE_ROUND_TRIPS, clients) / clients * clients; // as many each
        HandOffFloor.perSecond(clients, roundTrips);
        double perSecond = HandOffFloor.perSecond(clients, roundTrips);
        progress.printf(Locale.ROOT, "%,d bare round trips from %,d clients%n", roundTrips,
                clients);
        return perSecond;
    }

    /**
     * After the table: how far each runtime's get stands above its own bare round trip (the
     * median of the per-round ratios, as the table's), so that the JDK's share and the BEAM's are
     * set apart from the cache's.
     */
    static void printOverTheFloor(SideBySide.Outcome outcome, int clients, PrintStream out) {
        printWrapped(out, "a get takes " + times(medianRatio(outcome.java(), GET, BARE))
                + " a bare round trip in Java" + others(outcome,
                        runs -> times(medianRatio(runs, GET, BARE))));
        if (clients > 1) {
            printWrapped(out, clients + " clients get "
                    + percent(medianRatio(outcome.java(), CONCURRENT, BARE_CONCURRENT))
                    + " of the bare round trips per second in Java" + others(outcome,
                            runs -> percent(medianRatio(runs, CONCURRENT, BARE_CONCURRENT))));
        }
    }

    /** ", {figure} in {label}" for every twin after Java that ran. */
    private static String others(SideBySide.Outcome outcome,
            java.util.function.Function<List<SideBySide.Run>, String> figure) {
        var text = new StringBuilder();
        for (var side : outcome.sides().subList(1, outcome.sides().size())) {
            if (!side.runs().isEmpty()) {
                text.append(", ").append(figure.apply(side.runs())).append(" in ")
                        .append(side.label());
            }
        }
        return text.toString();
    }

    /** The widest line printed. */
    static final int COLUMNS = 100;

    /** {@code text} in lines of at most {@link #COLUMNS}, broken after a comma, then indented. */
    static void printWrapped(PrintStream out, String text) {
        var line = new StringBuilder();
        for (String part : text.split("(?<=, )")) {
            if (line.length() > 0 && line.length() + part.stripTrailing().length() > COLUMNS) {
                out.println(line.toString().stripTrailing());
                line.setLength(0);
                line.append("  ");
            }
            line.append(part);
        }
        out.println(line);
    }

    /** The median over the runs of figure {@code of} divided by figure {@code by}; NaN if none. */
    private static double medianRatio(List<SideBySide.Run> runs, int of, int by) {
        return SideBySide.median(
                runs.stream().mapToDouble(r -> r.values()[of] / r.values()[by]).toArray());
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * ratio);
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
                    r.clients(),
                    r.concurrentGetsPerSecond());
            out.printf(Locale.ROOT,
                    "requests/second through one cache, %d clients with %d calls in flight"
                            + " each: %,.0f%n",
                    r.clients(), IN_FLIGHT, r.pipelinedGetsPerSecond());
        }
        out.printf(Locale.ROOT, "bare round trip between two processes %.2f µs%n",
                r.bareRoundTripMicros());
        if (r.clients() > 1) {
            out.printf(Locale.ROOT, "bare round trips/second, %d clients of one process: %,.0f%n",
                    r.clients(), r.bareRoundTripsPerSecond());
        }
        out.printf(Locale.ROOT, "memory held by %,d processes: %,d MB of heap (%,d bytes each)%n",
                r.processes(),
                r.heapBytesHeld() >> 20, r.heapBytesHeld() / r.processes());
        out.printf(Locale.ROOT, "processes alive: %,d%n", GenServer.processCount());
    }
}
