package sidebyside;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import todo.TodoEntry;
import todo.TodoList;

/**
 * How long one list of step 7.1 ({@link TodoList}) takes to grow by N {@code addEntry} calls in a
 * row: the cost of a change to a persistent value, which the book's Elixir map pays in O(log n).
 * Its twin, {@code ch7-1-mix-project/src/elixir/list_growth.exs}, grows the book's own
 * {@code Todo.List} (beside it, {@code todo_list.exs}) and measures it the same way: per size, ten
 * untimed builds and at least a second of them (the JIT's warm-up here, the same work there),
 * then ten timed builds, of which the median is printed as
 *
 * <pre>added 20000 entries to one list in 12.34 ms</pre>
 *
 * <p>With {@code --vs-elixir [rounds]} both twins run alternately, each round in a fresh VM, and
 * one table of figures and ratios follows.
 *
 * <pre>mvn -q -pl side-by-side -am compile exec:exec@list-growth -Dlist.args="--vs-elixir 3"</pre>
 */
public final class ListGrowth {
    private ListGrowth() {}

    private static final int WARM_UP_BUILDS = 10;
    private static final int TIMED_BUILDS = 10;
    private static final String TWIN = "ch7-1-mix-project/src/elixir/list_growth.exs";
    private static final TodoEntry ENTRY = new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist");

    /**
     * What to run: the list sizes ({@code --entries N}, repeatable), the warm-up's least duration
     * ({@code --warm-up-ms N}, default 1000) and how many side-by-side rounds.
     */
    record Options(List<Integer> sizes, int warmUpMillis, int rounds) {
        static Options parse(String... rawArgs) {
            // Maven hands -Dlist.args over as one argument: split it into words.
            List<String> args = new ArrayList<>(Arrays.stream(String.join(" ", rawArgs).trim()
                    .split("\\s+")).filter(arg -> !arg.isEmpty()).toList());
            int rounds = SideBySide.roundsAskedFor(args);
            args = SideBySide.withoutOption(args);
            List<Integer> sizes = new ArrayList<>();
            int warmUpMillis = 1_000;
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                if (i + 1 == args.size()) {
                    throw new IllegalArgumentException("unknown option '" + option + "'");
                }
                switch (option) {
                    case "--entries" -> sizes.add(number(option, args.get(++i), 1));
                    case "--warm-up-ms" -> warmUpMillis = number(option, args.get(++i), 0);
                    default -> throw new IllegalArgumentException(
                            "unknown option '" + option + "'");
                }
            }
            return new Options(sizes.isEmpty() ? List.of(20_000, 100_000) : List.copyOf(sizes),
                    warmUpMillis, rounds);
        }

        private static int number(String option, String value, int least) {
            try {
                int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
                if (n >= least) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " takes a whole number of at least "
                    + least + ", not '" + value + "'");
        }

        /** The twins' own arguments: all but the side-by-side option. */
        List<String> twinArgs() {
            List<String> args = new ArrayList<>();
            sizes.forEach(n -> args.addAll(List.of("--entries", Integer.toString(n))));
            args.addAll(List.of("--warm-up-ms", Integer.toString(warmUpMillis)));
            return args;
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ListGrowth: " + e.getMessage());
            System.err.println(
                    "usage: ListGrowth [--entries N]... [--warm-up-ms N] [--vs-elixir [rounds]]");
            System.exit(2);
            return;
        }
        if (!run(options, System.out, System.err)) {
            System.exit(1);
        }
    }

    /** Prints a line per size, or with {@code --vs-elixir} the table; false if a run failed. */
    static boolean run(Options options, PrintStream out, PrintStream log) {
        if (options.rounds() == 0) {
            options.sizes()
                    .forEach(n -> print(n, medianMillisToGrow(n, options.warmUpMillis()), out));
            return true;
        }
        return sideBySide(options).run(out, log);
    }

    /**
     * Warm-up builds (ten, and for {@code warmUpMillis} at least: on a busy machine the JIT's
     * threads wait their turn too), then the median of the timed ones, in ms.
     */
    static double medianMillisToGrow(int n, int warmUpMillis) {
        long warmUntil = System.nanoTime() + warmUpMillis * 1_000_000L;
        for (int i = 0; i < WARM_UP_BUILDS || System.nanoTime() < warmUntil; i++) {
            millisToGrow(n);
        }
        double[] millis = new double[TIMED_BUILDS];
        for (int i = 0; i < TIMED_BUILDS; i++) {
            millis[i] = millisToGrow(n);
        }
        Arrays.sort(millis);
        return millis[TIMED_BUILDS / 2];
    }

    /** One list grown from empty by {@code n} adds, as {@code Todo.List.add_entry/2} in a loop. */
    static double millisToGrow(int n) {
        long start = System.nanoTime();
        TodoList list = TodoList.empty();
        for (int i = 0; i < n; i++) {
            list = list.addEntry(ENTRY);
        }
        long nanos = System.nanoTime() - start;
        if (list.size() != n) {
            throw new AssertionError("grew to " + list.size() + " entries, not " + n);
        }
        return nanos / 1e6;
    }

    static void print(int n, double millis, PrintStream out) {
        out.printf(Locale.ROOT, "added %d entries to one list in %.2f ms%n", n, millis);
    }

    private static SideBySide sideBySide(Options options) {
        List<String> java = new ArrayList<>(List.of(ListGrowth.class.getName()));
        java.addAll(options.twinArgs());
        List<String> elixir = new ArrayList<>(List.of(twinScript().toString()));
        elixir.addAll(options.twinArgs());
        List<Figure> figures = options.sizes().stream()
                .map(n -> Figure.lowerIsBetter(String.format(Locale.ROOT, "%,d add_entry", n),
                        "ms", "added " + n + " entries to one list in ([0-9.]+) ms"))
                .toList();
        return new SideBySide("One to-do list grown by add_entry", java, elixir, figures,
                options.rounds());
    }

    /** The twin: the pom passes its full path; by default, the path from the repository's root. */
    private static Path twinScript() {
        return Path.of(System.getProperty("list.growth.twin", TWIN));
    }
}
