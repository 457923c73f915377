package sidebyside;

import genserver.Call;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import todo.TodoServer;

/**
 * Where a get of step 7.2's load test spends its time, in three calls from one client, each made
 * for every name in turn: to a server that answers the number it is sent (the round trip alone),
 * one that answers the length of a fresh name like the load test's (the name crossing to the
 * server), and a copy of {@code TodoCache} with a to-do server behind each of the names, which
 * times its own lookup inside {@code handleCall} (the rest). Before and after, the machine's
 * core-to-core round trip ({@link CoreToCore}), as every side-by-side table shows it.
 *
 * <pre>mvn -q -pl side-by-side -am compile exec:exec@get-parts -Dload.carriers=2</pre>
 */
public final class GetParts {
    private GetParts() {}

    /** The names each call is made for, after as many for the JIT: as the load test's. */
    static final int NAMES = 1_000_000;

    public static void main(String[] args) throws InterruptedException {
        int names;
        try {
            names = names(args);
        } catch (IllegalArgumentException e) {
            System.err.println("GetParts: " + e.getMessage());
            System.err.println("usage: GetParts [--names N] (through Maven: -Dparts.args=\"...\")");
            System.exit(2);
            return;
        }
        try {
            run(names, System.out);
        } catch (Clients.ClientStopped e) {
            System.err.println("GetParts: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    /** The names asked for: {@code --names N}, or {@link #NAMES}; Maven's one argument too. */
    static int names(String... args) {
        List<String> words = CacheLoad.words(args);
        if (words.isEmpty()) {
            return NAMES;
        }
        if (words.equals(List.of("--names"))) {
            throw new IllegalArgumentException("--names needs a number after it");
        }
        if (words.size() != 2 || !words.get(0).equals("--names")) {
            throw new IllegalArgumentException(
                    "unknown options '" + String.join(" ", words) + "'");
        }
        return CacheLoad.positive("--names", words.get(1));
    }

    /** A number, answered with itself. */
    record Echo(int n) implements Request, Call<Integer> {}

    /** A name, answered with its length. */
    record Length(String name) implements Request, Call<Integer> {}

    /** A name, answered with its to-do server, started the first time (the cache's request). */
    record Lookup(String name) implements Request, Call<Pid<TodoServer.Request>> {}

    /** What the lookups have taken so far inside handleCall, in nanoseconds. */
    record Spent() implements Request, Call<Long> {}

    sealed interface Request permits Echo, Length, Lookup, Spent {}

    /** Answers at once; the timed cache keeps its map and the time its lookups took. */
    static final class Server implements GenServer<Server.State, Request> {
        /** The process's own state: changed in place, as {@code TodoCache}'s map is. */
        static final class State {
            final Map<String, Pid<TodoServer.Request>> servers = new HashMap<>();
            long lookupNanos;
        }

        @Override
        public Result<State> init() {
            return Result.ok(new State());
        }

        @Override
        public Result<State> handleCall(Request request, From from, State state) {
            return switch (request) {
                case Echo(int n) -> Result.reply(n, state);
                case Length(String name) -> Result.reply(name.length(), state);
                case Lookup(String name) -> {
                    long start = System.nanoTime();
                    Pid<TodoServer.Request> server = state.servers.computeIfAbsent(name,
                            unused -> TodoServer.start());
                    state.lookupNanos += System.nanoTime() - start;
                    yield Result.reply(server, state);
                }
                case Spent() -> Result.reply(state.lookupNanos, state);
            };
        }
    }

    static void run(int names, PrintStream out) throws InterruptedException {
        Pid<Request> echo = GenServer.start(new Server());
        Pid<Request> length = GenServer.start(new Server());
        Pid<Request> cache = GenServer.start(new Server());
        double machineBefore = CoreToCore.roundTripNanos();
        double[] micros = new double[4];
        Clients.inClient("get-parts", () -> {
            for (int i = 1; i <= names; i++) {
                GenServer.call(cache, new Lookup("cache_" + i)); // the puts
            }
            for (int round = 0; round < 2; round++) { // the first compiles, the second counts
                long start = System.nanoTime();
                for (int i = 1; i <= names; i++) {
                    GenServer.call(echo, new Echo(i));
                }
                long echoed = System.nanoTime();
                for (int i = 1; i <= names; i++) {
                    GenServer.call(length, new Length("cache_" + i));
                }
                long lengths = System.nanoTime();
                long spentBefore = GenServer.call(cache, new Spent());
                for (int i = 1; i <= names; i++) {
                    GenServer.call(cache, new Lookup("cache_" + i));
                }
                long looked = System.nanoTime();
                long spent = GenServer.call(cache, new Spent()) - spentBefore;
                micros[0] = (echoed - start) / 1e3 / names;
                micros[1] = (lengths - echoed) / 1e3 / names;
                micros[2] = (looked - lengths) / 1e3 / names;
                micros[3] = spent / 1e3 / names;
            }
        });
        double machineAfter = CoreToCore.roundTripNanos();
        out.printf(Locale.ROOT, "one client, %,d name%s, µs a call:%n", names,
                names == 1 ? "" : "s");
        out.printf(Locale.ROOT, "  a call that answers its number         %5.2f%n", micros[0]);
        out.printf(Locale.ROOT, "  a call that answers its name's length  %5.2f%n", micros[1]);
        out.printf(Locale.ROOT, "  a call that looks its name up          %5.2f%n", micros[2]);
        out.printf(Locale.ROOT, "    of which the lookup in handleCall    %5.2f%n", micros[3]);
        out.printf(Locale.ROOT, "core-to-core round trip before/after: %.0f/%.0f ns%n",
                machineBefore, machineAfter);
    }
}
