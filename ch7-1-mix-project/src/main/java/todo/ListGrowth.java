package todo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sidebyside.Figure;
import sidebyside.SideBySide;

/**
 * How long one list takes to grow by N {@code addEntry} calls in a row: the cost of a change to a
 * persistent value, which the book's Elixir map pays in O(log n). Its twin is the book's own
 * {@code Todo.List} in {@code src/elixir/list_growth.exs}, measured the same way: per size, five
 * untimed builds (the JIT's warm-up here, the same work there), then five timed builds, of which
 * the median is printed as
 *
 * <pre>added 20000 entries to one list in 12.34 ms</pre>
 *
 * <p>With {@code --vs-elixir [rounds]} both twins run alternately, each round in a fresh VM, and
 * one table of figures and ratios follows.
 *
 * <pre>mvn -q -pl ch7-1-mix-project -am compile exec:exec@list-growth -Dlist.args="--vs-elixir 3"</pre>
 */
public final class ListGrowth {
    private ListGrowth() {}

    static final int WARM_UP_BUILDS = 10;
    static final int TIMED_BUILDS = 10;
    private static final String TWIN = "src/elixir/list_growth.exs";
    private static final TodoEntry ENTRY = new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist");

    /** What to run: the list sizes ({@code --entries N}) and how many side-by-side rounds. */
    record Options(List<Integer> sizes, int rounds) {
        static Options parse(String... rawArgs) {
            // Maven hands -Dlist.args over as one argument: split it into words.
            List<String> args = new ArrayList<>(Arrays.stream(String.join(" ", rawArgs).trim()
                    .split("\\s+")).filter(arg -> !arg.isEmpty()).toList());
            int rounds = SideBySide.roundsAskedFor(args);
            args = SideBySide.withoutOption(args);
            List<Integer> sizes = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                if (!args.get(i).equals("--entries") || i + 1 == args.size()) {
                    throw new IllegalArgumentException("unknown option '" + args.get(i) + "'");
                }
                sizes.add(positive(args.get(++i)));
            }
            return new Options(sizes.isEmpty() ? List.of(20_000, 100_000) : List.copyOf(sizes),
                    rounds);
        }

        private static int positive(String value) {
            try {
                int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(
                    "--entries takes a positive whole number, not '" + value + "'");
        }

        /** The twins' own arguments: the sizes, without the side-by-side option. */
        List<String> twinArgs() {
            List<String> args = new ArrayList<>();
            sizes.forEach(n -> args.addAll(List.of("--entries", Integer.toString(n))));
            return args;
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ListGrowth: " + e.getMessage());
            System.err.println("usage: ListGrowth [--entries N]... [--vs-elixir [rounds]]");
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
            options.sizes().forEach(n -> print(n, medianMillisToGrow(n), out));
            return true;
        }
        return sideBySide(options).run(out, log);
    }

    /** Warm-up builds, then the median of the timed ones, in ms. */
    static double medianMillisToGrow(int n) {
        for (int i = 0; i < WARM_UP_BUILDS; i++) {
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

    /** The twin: the pom passes its full path; by default, the module's folder is the current. */
    private static Path twinScript() {
        return Path.of(System.getProperty("list.growth.twin", TWIN));
    }
}
