package sidebyside;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Runs a Java benchmark and its Elixir twin alternately, several rounds, each in a fresh VM, and
 * prints one table: every figure for both, the median of each, and the median of the per-round
 * ratios Java / Elixir. Absolute times on a shared machine swing from run to run; two runtimes
 * measured one right after the other, round after round, swing together, so their ratio means
 * something where a lone figure does not.
 *
 * <p>Where {@code elixir} is not installed it says so in one line and prints the Java figures
 * alone.
 *
 * @param title what is compared, the table's heading
 * @param javaCommand the Java twin: JVM options, the main class and its arguments (run with this
 *     JVM's own {@code java} and class path)
 * @param elixirCommand the Elixir twin: the arguments of {@code elixir} (options, script, its
 *     arguments)
 * @param figures what both twins print
 * @param rounds how many pairs to run
 */
public record SideBySide(String title, List<String> javaCommand, List<String> elixirCommand,
        List<Figure> figures, int rounds) {

    public SideBySide {
        javaCommand = List.copyOf(javaCommand);
        elixirCommand = List.copyOf(elixirCommand);
        figures = List.copyOf(figures);
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
        }
    }

    /** One run's figures, in the order of {@link #figures}; NaN where a figure was missing. */
    public record Run(double[] values) {}

    /**
     * What the rounds measured, for a benchmark that judges the medians itself (say, against a
     * limit of the machine); {@code elixir} is empty where Elixir is not installed.
     */
    public record Outcome(List<Run> java, List<Run> elixir, boolean ok) {
        /** The median of figure {@code index} (in the order of {@link #figures}) of the Java runs. */
        public double javaMedian(int index) {
            return median(column(java, index));
        }

        /** The same for the Elixir runs; NaN without Elixir. */
        public double elixirMedian(int index) {
            return median(column(elixir, index));
        }
    }

    /**
     * Runs the rounds, echoing each run's output to {@code log}, and prints the table to
     * {@code out}. Returns false when a run failed or printed no figure.
     */
    public boolean run(PrintStream out, PrintStream log) {
        return measure(out, log).ok();
    }

    /** As {@link #run}, and returns what was measured. */
    public Outcome measure(PrintStream out, PrintStream log) {
        boolean withElixir = elixirInstalled();
        if (!withElixir) {
            out.println("elixir is not installed (Debian: apt-get install elixir): "
                    + "the Java figures alone follow.");
        }
        List<Run> java = new ArrayList<>();
        List<Run> elixir = new ArrayList<>();
        boolean ok = true;
        for (int round = 1; round <= rounds; round++) {
            log.printf("-- round %d of %d: Java%n", round, rounds);
            Run j = measure(javaProcess(), log);
            java.add(j);
            ok &= complete(j);
            if (withElixir) {
                log.printf("-- round %d of %d: Elixir%n", round, rounds);
                Run e = measure(elixirProcess(), log);
                elixir.add(e);
                ok &= complete(e);
            }
        }
        print(out, java, withElixir ? elixir : List.of());
        return new Outcome(List.copyOf(java), withElixir ? List.copyOf(elixir) : List.of(), ok);
    }

    private static boolean complete(Run run) {
        return Arrays.stream(run.values()).noneMatch(Double::isNaN);
    }

    private List<String> javaProcess() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var command = new ArrayList<String>();
        command.add(java);
        int main = firstNonOption(javaCommand);
        command.addAll(javaCommand.subList(0, main));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(javaCommand.subList(main, javaCommand.size()));
        return command;
    }

    /** The index of the main class: the first word that is not a JVM option. */
    private static int firstNonOption(List<String> command) {
        for (int i = 0; i < command.size(); i++) {
            if (!command.get(i).startsWith("-")) {
                return i;
            }
        }
        throw new IllegalArgumentException("no main class in " + command);
    }

    private List<String> elixirProcess() {
        var command = new ArrayList<String>();
        command.add("elixir");
        command.addAll(elixirCommand);
        return command;
    }

    private Run measure(List<String> command, PrintStream log) {
        String output;
        int exit;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            output = echo(p.getInputStream(), log);
            exit = p.waitFor();
        } catch (IOException e) {
            log.println("   could not run " + command.get(0) + ": " + e.getMessage());
            return missing();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return missing();
        }
        if (exit != 0) {
            log.println("   exited with status " + exit);
            return missing();
        }
        double[] values = new double[figures.size()];
        for (int i = 0; i < values.length; i++) {
            OptionalDouble v = figures.get(i).find(output);
            values[i] = v.orElse(Double.NaN);
            if (v.isEmpty()) {
                log.println("   printed no figure for '" + figures.get(i).name() + "'");
            }
        }
        return new Run(values);
    }

    private Run missing() {
        double[] values = new double[figures.size()];
        Arrays.fill(values, Double.NaN);
        return new Run(values);
    }

    private static String echo(InputStream in, PrintStream log) throws IOException {
        var all = new StringBuilder();
        var bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            bytes.write(b);
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.UTF_8);
                bytes.reset();
                log.print("   " + text);
                all.append(text);
            }
        }
        if (bytes.size() > 0) {
            String text = bytes.toString(StandardCharsets.UTF_8);
            log.println("   " + text);
            all.append(text);
        }
        return all.toString();
    }

    private void print(PrintStream out, List<Run> java, List<Run> elixir) {
        out.println();
        out.println(title + String.format(Locale.ROOT, " (%d round%s, run alternately)",
                rounds, rounds == 1 ? "" : "s"));
        boolean both = !elixir.isEmpty();
        for (int f = 0; f < figures.size(); f++) {
            Figure figure = figures.get(f);
            double[] j = column(java, f);
            out.printf(Locale.ROOT, "  %s (%s)%n", figure.name(), figure.unit());
            out.printf(Locale.ROOT, "    Java    %s   median %s%n", list(j), fmt(median(j)));
            if (both) {
                double[] e = column(elixir, f);
                double[] ratios = new double[j.length];
                for (int i = 0; i < j.length; i++) {
                    ratios[i] = j[i] / e[i];
                }
                double ratio = median(ratios);
                out.printf(Locale.ROOT, "    Elixir  %s   median %s%n", list(e), fmt(median(e)));
                out.printf(Locale.ROOT, "    Java / Elixir per round %s   median %s (%s)%n",
                        list(ratios), fmt(ratio), verdict(figure, ratio));
            }
        }
    }

    private static String verdict(Figure figure, double ratio) {
        if (Double.isNaN(ratio)) {
            return "no figure";
        }
        boolean javaAhead = figure.higherIsBetter() ? ratio > 1 : ratio < 1;
        double factor = ratio >= 1 ? ratio : 1 / ratio;
        return String.format(Locale.ROOT, "Java %.2fx %s", factor,
                javaAhead ? "better" : "worse");
    }

    private static double[] column(List<Run> runs, int figure) {
        return runs.stream().mapToDouble(r -> r.values()[figure]).toArray();
    }

    /** The median of the figures that are there; NaN when none is. */
    public static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String list(double[] values) {
        var parts = new ArrayList<String>();
        for (double v : values) {
            parts.add(fmt(v));
        }
        return String.join(" ", parts);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    /**
     * Runs {@code elixir} with {@code args} to its end and returns what it printed, for the tests
     * that check a twin's lines.
     *
     * @throws IllegalStateException if it fails
     */
    public static String elixirOutput(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add("elixir");
        command.addAll(List.of(args));
        Process elixir = new ProcessBuilder(command).redirectErrorStream(true).start();
        elixir.getOutputStream().close();
        String output = new String(elixir.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = elixir.waitFor(); // its output has ended: so has it, or nearly
        if (status != 0) {
            throw new IllegalStateException("elixir exited with status " + status + ": " + output);
        }
        return output;
    }

    /** Whether an {@code elixir} command is on the PATH. */
    public static boolean elixirInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "elixir"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The number of rounds asked for by {@code --vs-elixir [N]} in {@code args}, or 0 when the
     * option is absent; N defaults to 3.
     */
    public static int roundsAskedFor(List<String> args) {
        int i = args.indexOf("--vs-elixir");
        if (i < 0) {
            return 0;
        }
        if (i + 1 < args.size() && args.get(i + 1).matches("\\d+")) {
            int n = Integer.parseInt(args.get(i + 1));
            if (n < 1) {
                throw new IllegalArgumentException("--vs-elixir takes at least 1 round");
            }
            return n;
        }
        return 3;
    }

    /** {@code args} without {@code --vs-elixir} and its round count: what each twin gets. */
    public static List<String> withoutOption(List<String> args) {
        var rest = new ArrayList<>(args);
        int i = rest.indexOf("--vs-elixir");
        if (i >= 0) {
            rest.remove(i);
            if (i < rest.size() && rest.get(i).matches("\\d+")) {
                rest.remove(i);
            }
        }
        return rest;
    }

    /** Maven hands a program's {@code -D...args} over as one argument: its words. */
    public static List<String> words(String... args) {
        return Arrays.stream(String.join(" ", args).trim().split("\\s+"))
                .filter(word -> !word.isBlank()).toList();
    }

    /** The command of a Java twin: this JVM's options, {@code main} and {@code args}. */
    public static List<String> javaTwin(Class<?> main, String... args) {
        return javaTwin(main.getName(), args);
    }

    /** The same for a main class named, which need not be on this module's class path. */
    public static List<String> javaTwin(String main, String... args) {
        var command = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add(main);
        command.addAll(List.of(args));
        return command;
    }

    /** Where an Elixir twin is: the pom says in {@code property}, else the path from the root. */
    public static Path elixirTwin(String property, String fromRoot) {
        return Path.of(System.getProperty(property, fromRoot));
    }
}
