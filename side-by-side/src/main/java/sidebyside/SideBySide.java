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
 * ratios Java / Elixir. With a Pekko twin ({@code --vs pekko}: the same workload on Apache Pekko's
 * typed actors, module {@code pekko-twin}) it runs third in every round, and the table has a third
 * column and the ratios Java / Pekko. Absolute times on a shared machine swing from run to run; two runtimes
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
 * @param pekkoCommand the Pekko twin, as {@code javaCommand} (its main class must be on this JVM's
 *     class path); empty for none
 */
public record SideBySide(String title, List<String> javaCommand, List<String> elixirCommand,
        List<Figure> figures, int rounds, List<String> pekkoCommand) {

    public SideBySide {
        javaCommand = List.copyOf(javaCommand);
        elixirCommand = List.copyOf(elixirCommand);
        figures = List.copyOf(figures);
        pekkoCommand = List.copyOf(pekkoCommand);
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
        }
    }

    /** Java and Elixir only. */
    public SideBySide(String title, List<String> javaCommand, List<String> elixirCommand,
            List<Figure> figures, int rounds) {
        this(title, javaCommand, elixirCommand, figures, rounds, List.of());
    }

    /**
     * The same with the Pekko twin {@code command} as a third column, its figures {@code
     * figures}: those of the others, and any it alone prints ({@link Figure#onlySomeTwins}).
     */
    public SideBySide withPekko(List<String> command, List<Figure> figures) {
        return new SideBySide(title.replace("Java / Elixir", "Java / Elixir / Pekko"),
                javaCommand, elixirCommand, figures, rounds, command);
    }

    /** One run's figures, in the order of {@link #figures}; NaN where a figure was missing. */
    public record Run(double[] values) {}

    /**
     * What the rounds measured, for a benchmark that judges the medians itself (say, against a
     * limit of the machine); {@code elixir} is empty where Elixir is not installed, {@code pekko}
     * where no Pekko twin ran.
     */
    public record Outcome(List<Run> java, List<Run> elixir, List<Run> pekko, boolean ok) {
        /** Java and Elixir only. */
        public Outcome(List<Run> java, List<Run> elixir, boolean ok) {
            this(java, elixir, List.of(), ok);
        }

        /** The median of figure {@code index} (in the order of {@link #figures}) of the Java runs. */
        public double javaMedian(int index) {
            return median(column(java, index));
        }

        /** The same for the Elixir runs; NaN without Elixir. */
        public double elixirMedian(int index) {
            return median(column(elixir, index));
        }

        /** The same for the Pekko runs; NaN without them. */
        public double pekkoMedian(int index) {
            return median(column(pekko, index));
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
        boolean withPekko = !pekkoCommand.isEmpty();
        List<Run> java = new ArrayList<>();
        List<Run> elixir = new ArrayList<>();
        List<Run> pekko = new ArrayList<>();
        boolean ok = true;
        for (int round = 1; round <= rounds; round++) {
            log.printf("-- round %d of %d: Java%n", round, rounds);
            Run j = measure(javaProcess(javaCommand), log);
            java.add(j);
            ok &= complete(j);
            if (withElixir) {
                log.printf("-- round %d of %d: Elixir%n", round, rounds);
                Run e = measure(elixirProcess(), log);
                elixir.add(e);
                ok &= complete(e);
            }
            if (withPekko) {
                log.printf("-- round %d of %d: Pekko%n", round, rounds);
                Run p = measure(javaProcess(pekkoCommand), log);
                pekko.add(p);
                ok &= complete(p);
            }
        }
        print(out, java, elixir, pekko);
        return new Outcome(List.copyOf(java), List.copyOf(elixir), List.copyOf(pekko), ok);
    }

    /** Whether the run printed every figure that every twin prints. */
    private boolean complete(Run run) {
        for (int f = 0; f < figures.size(); f++) {
            if (figures.get(f).everyTwin() && Double.isNaN(run.values()[f])) {
                return false;
            }
        }
        return true;
    }

    private static List<String> javaProcess(List<String> javaCommand) {
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
            if (v.isEmpty() && figures.get(i).everyTwin()) {
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

    private void print(PrintStream out, List<Run> java, List<Run> elixir, List<Run> pekko) {
        out.println();
        out.println(title + String.format(Locale.ROOT, " (%d round%s, run alternately)",
                rounds, rounds == 1 ? "" : "s"));
        for (int f = 0; f < figures.size(); f++) {
            Figure figure = figures.get(f);
            double[] j = column(java, f);
            out.printf(Locale.ROOT, "  %s (%s)%n", figure.name(), figure.unit());
            out.printf(Locale.ROOT, "    Java    %s   median %s%n", list(j), fmt(median(j)));
            if (!elixir.isEmpty()) {
                double[] e = column(elixir, f);
                out.printf(Locale.ROOT, "    Elixir  %s   median %s%n", list(e), fmt(median(e)));
            }
            if (!pekko.isEmpty()) {
                double[] p = column(pekko, f);
                out.printf(Locale.ROOT, "    Pekko   %s   median %s%n", list(p), fmt(median(p)));
            }
            if (!figure.everyTwin()) {
                continue; // no ratio to a figure that Java does not print
            }
            if (!elixir.isEmpty()) {
                printRatios(out, figure, j, column(elixir, f), "Elixir");
            }
            if (!pekko.isEmpty()) {
                printRatios(out, figure, j, column(pekko, f), "Pekko");
            }
        }
    }

    /** The per-round ratios Java / {@code other} and their median, with who is ahead. */
    private static void printRatios(PrintStream out, Figure figure, double[] java, double[] other,
            String name) {
        double[] ratios = new double[java.length];
        for (int i = 0; i < java.length; i++) {
            ratios[i] = java[i] / other[i];
        }
        double ratio = median(ratios);
        out.printf(Locale.ROOT, "    Java / %s per round %s   median %s (%s)%n", name,
                list(ratios), fmt(ratio), verdict(figure, ratio));
    }

    static String verdict(Figure figure, double ratio) {
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

    /**
     * {@code args} without {@code --vs-elixir} and its round count, and without {@code --vs
     * pekko}: what each twin gets.
     */
    public static List<String> withoutOption(List<String> args) {
        var rest = new ArrayList<>(args);
        int i = rest.indexOf("--vs-elixir");
        if (i >= 0) {
            rest.remove(i);
            if (i < rest.size() && rest.get(i).matches("\\d+")) {
                rest.remove(i);
            }
        }
        int vs = rest.indexOf("--vs");
        if (vs >= 0 && vs + 1 < rest.size() && rest.get(vs + 1).equals(PEKKO)) {
            rest.subList(vs, vs + 2).clear();
        }
        return rest;
    }

    /** The value of {@code --vs} that adds the Pekko twin. */
    public static final String PEKKO = "pekko";

    /**
     * Whether {@code args} ask for the Pekko twin as a third column ({@code --vs pekko}).
     *
     * @throws IllegalArgumentException if {@code --vs} names anything else
     */
    public static boolean pekkoAskedFor(List<String> args) {
        int i = args.indexOf("--vs");
        if (i < 0) {
            return false;
        }
        String value = i + 1 < args.size() ? args.get(i + 1) : "";
        if (!value.equals(PEKKO)) {
            throw new IllegalArgumentException("--vs takes " + PEKKO + " (the Pekko twin as a"
                    + " third column), not '" + value + "'");
        }
        return true;
    }

    /**
     * Whether {@code mainClass}, a Pekko twin, is on this JVM's class path: it is where the
     * program runs from module {@code pekko-twin}, which depends on this one.
     */
    public static boolean onClassPath(String mainClass) {
        try {
            Class.forName(mainClass, false, SideBySide.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
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
