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
 * Runs a Java benchmark and its twins alternately, several rounds, each in a fresh VM, and prints
 * one table: every figure for each, the median of each, and the median of the per-round ratios
 * Java / twin. The twins are a list, each with the label of its row: the Elixir twin (once, or
 * once per BEAM setting, say its default schedulers and {@code +S 1}) and, with {@code --vs pekko},
 * the same workload on Apache Pekko's typed actors (module {@code pekko-twin}), run last in every
 * round. Absolute times on a shared machine swing from run to run; runtimes measured one right
 * after the other, round after round, swing together, so their ratio means something where a lone
 * figure does not.
 *
 * <p>Where {@code elixir} is not installed it says so in one line and leaves the Elixir twins out.
 *
 * @param title what is compared, the table's heading
 * @param twins what runs in every round, in this order; the first is the Java benchmark that the
 *     others are set against
 * @param figures what the twins print
 * @param rounds how many rounds to run
 */
public record SideBySide(String title, List<Twin> twins, List<Figure> figures, int rounds) {

    /** The label of the Java benchmark's row, of the Elixir twin's and of the Pekko twin's. */
    public static final String JAVA = "Java", ELIXIR = "Elixir", PEKKO_LABEL = "Pekko";

    /**
     * One runtime's row: its label and its command.
     *
     * @param label the row's name, and the ratio's ("Java / {label} per round")
     * @param onBeam whether {@code command} is the arguments of {@code elixir} (options, script,
     *     its arguments); else JVM options, a main class and its arguments, run with this JVM's
     *     own {@code java} and class path (the main class must be on it)
     * @param command what to run
     */
    public record Twin(String label, boolean onBeam, List<String> command) {
        public Twin {
            command = List.copyOf(command);
        }

        /** A twin that runs on this JVM's {@code java} and class path. */
        public static Twin java(String label, List<String> command) {
            return new Twin(label, false, command);
        }

        /** A twin that runs as {@code elixir} with {@code arguments}. */
        public static Twin elixir(String label, List<String> arguments) {
            return new Twin(label, true, arguments);
        }
    }

    public SideBySide {
        twins = List.copyOf(twins);
        figures = List.copyOf(figures);
        if (twins.isEmpty() || twins.getFirst().onBeam()) {
            throw new IllegalArgumentException("the first twin is the Java benchmark: " + twins);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
        }
    }

    /** Java and its Elixir twin. */
    public SideBySide(String title, List<String> javaCommand, List<String> elixirCommand,
            List<Figure> figures, int rounds) {
        this(title, List.of(Twin.java(JAVA, javaCommand), Twin.elixir(ELIXIR, elixirCommand)),
                figures, rounds);
    }

    /** The same with {@code twin} run after the others in every round, a row of its own. */
    public SideBySide with(Twin twin) {
        var all = new ArrayList<>(twins);
        all.add(twin);
        return new SideBySide(title, all, figures, rounds);
    }

    /**
     * The same with the Pekko twin {@code command} as a further row, its figures {@code figures}:
     * those of the others, and any it alone prints ({@link Figure#onlySomeTwins}).
     */
    public SideBySide withPekko(List<String> command, List<Figure> figures) {
        var all = new ArrayList<>(twins);
        all.add(Twin.java(PEKKO_LABEL, command));
        return new SideBySide(title.replace("Java / Elixir", "Java / Elixir / Pekko"), all,
                figures, rounds);
    }

    /** The Java benchmark's command. */
    public List<String> javaCommand() {
        return twins.getFirst().command();
    }

    /** The first Elixir twin's arguments of {@code elixir}; empty if there is none. */
    public List<String> elixirCommand() {
        return twins.stream().filter(Twin::onBeam).findFirst().map(Twin::command)
                .orElse(List.of());
    }

    /** The Pekko twin's command; empty if there is none. */
    public List<String> pekkoCommand() {
        return twins.stream().filter(t -> t.label().equals(PEKKO_LABEL) && !t.onBeam())
                .findFirst().map(Twin::command).orElse(List.of());
    }

    /**
     * One run's figures, in the order of {@link #figures}; NaN where a figure was missing. With
     * them, the machine's {@link CoreToCore} round trip (ns) just before and just after the run
     * (NaN where it was not measured).
     */
    public record Run(double[] values, double coreToCoreBefore, double coreToCoreAfter) {
        public Run(double[] values) {
            this(values, Double.NaN, Double.NaN);
        }
    }

    /** One twin's runs, a run per round; none where it did not run (Elixir not installed). */
    public record Side(String label, boolean onBeam, List<Run> runs) {
        public Side {
            runs = List.copyOf(runs);
        }
    }

    /**
     * What the rounds measured, for a benchmark that judges the medians itself (say, against a
     * limit of the machine): a side per twin, in the order of {@link #twins}.
     */
    public record Outcome(List<Side> sides, boolean ok) {
        public Outcome {
            sides = List.copyOf(sides);
        }

        /** Java and Elixir only. */
        public Outcome(List<Run> java, List<Run> elixir, boolean ok) {
            this(List.of(new Side(JAVA, false, java), new Side(ELIXIR, true, elixir)), ok);
        }

        /** Java, Elixir and Pekko. */
        public Outcome(List<Run> java, List<Run> elixir, List<Run> pekko, boolean ok) {
            this(List.of(new Side(JAVA, false, java), new Side(ELIXIR, true, elixir),
                    new Side(PEKKO_LABEL, false, pekko)), ok);
        }

        /** The Java benchmark's runs. */
        public List<Run> java() {
            return sides.getFirst().runs();
        }

        /** The first Elixir twin's runs; empty without Elixir. */
        public List<Run> elixir() {
            return sides.stream().filter(Side::onBeam).findFirst().map(Side::runs)
                    .orElse(List.of());
        }

        /** The Pekko twin's runs; empty without it. */
        public List<Run> pekko() {
            return sides.stream().filter(s -> s.label().equals(PEKKO_LABEL) && !s.onBeam())
                    .findFirst().map(Side::runs).orElse(List.of());
        }

        /** The median of figure {@code index} (in the order of {@link #figures}) of the Java runs. */
        public double javaMedian(int index) {
            return median(column(java(), index));
        }

        /** The same for the first Elixir twin's runs; NaN without Elixir. */
        public double elixirMedian(int index) {
            return median(column(elixir(), index));
        }

        /** The same for the Pekko runs; NaN without them. */
        public double pekkoMedian(int index) {
            return median(column(pekko(), index));
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
        if (!withElixir && twins.stream().anyMatch(Twin::onBeam)) {
            out.println("elixir is not installed (Debian: apt-get install elixir): "
                    + "the Java figures alone follow.");
        }
        List<List<Run>> runs = new ArrayList<>();
        twins.forEach(twin -> runs.add(new ArrayList<>()));
        boolean ok = true;
        for (int round = 1; round <= rounds; round++) {
            for (int t = 0; t < twins.size(); t++) {
                Twin twin = twins.get(t);
                if (twin.onBeam() && !withElixir) {
                    continue;
                }
                log.printf("-- round %d of %d: %s%n", round, rounds, twin.label());
                Run run = measure(twin.onBeam()
                        ? elixirProcess(twin.command())
                        : javaProcess(twin.command()), log);
                runs.get(t).add(run);
                ok &= complete(run);
            }
        }
        var sides = new ArrayList<Side>();
        for (int t = 0; t < twins.size(); t++) {
            sides.add(new Side(twins.get(t).label(), twins.get(t).onBeam(), runs.get(t)));
        }
        Outcome outcome = new Outcome(sides, ok);
        print(out, outcome);
        return outcome;
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

    private static List<String> elixirProcess(List<String> arguments) {
        var command = new ArrayList<String>();
        command.add("elixir");
        command.addAll(arguments);
        return command;
    }

    private Run measure(List<String> command, PrintStream log) {
        double before = CoreToCore.roundTripNanos();
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
        double after = CoreToCore.roundTripNanos();
        log.printf(Locale.ROOT, "   core-to-core round trip before and after the run: %s ns%n",
                coreToCore(before, after));
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
        return new Run(values, before, after);
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

    /**
     * The table of {@code outcome}: under each figure a row per twin that ran, its label padded to
     * the longest, then a line of ratios Java / twin per twin.
     */
    void print(PrintStream out, Outcome outcome) {
        List<Side> ran = outcome.sides().stream().filter(s -> !s.runs().isEmpty()).toList();
        int width = Math.max(6, ran.stream().mapToInt(s -> s.label().length()).max().orElse(0))
                + 2;
        out.println();
        out.println(title + String.format(Locale.ROOT, " (%d round%s, run alternately)",
                rounds, rounds == 1 ? "" : "s"));
        for (int f = 0; f < figures.size(); f++) {
            Figure figure = figures.get(f);
            out.printf(Locale.ROOT, "  %s (%s)%n", figure.name(), figure.unit());
            for (Side side : ran) {
                double[] values = column(side.runs(), f);
                printLine(out, String.format(Locale.ROOT, "    %-" + width + "s%s   median %s",
                        side.label(), list(values), fmt(median(values))));
            }
            if (!figure.everyTwin()) {
                continue; // no ratio to a figure that Java does not print
            }
            double[] java = column(outcome.java(), f);
            for (Side side : ran.subList(1, ran.size())) {
                printRatios(out, figure, java, column(side.runs(), f), side.label());
            }
        }
        printCoreToCore(out, ran, width);
    }

    /**
     * Under the figures, the machine's state in each run: its {@link CoreToCore} round trip before
     * and after, per round. Not a figure of any twin, so no ratio; a run whose round trip was
     * several times the others' ran on a slower machine.
     */
    private static void printCoreToCore(PrintStream out, List<Side> ran, int width) {
        if (ran.stream().flatMap(s -> s.runs().stream())
                .allMatch(r -> Double.isNaN(r.coreToCoreBefore()))) {
            return;
        }
        out.println("  the machine: core-to-core round trip before/after each run (ns)");
        for (Side side : ran) {
            var rounds = new ArrayList<String>();
            for (Run run : side.runs()) {
                rounds.add(coreToCore(run.coreToCoreBefore(), run.coreToCoreAfter()));
            }
            printLine(out, String.format(Locale.ROOT, "    %-" + width + "s%s", side.label(),
                    String.join(" ", rounds)));
        }
    }

    private static String coreToCore(double before, double after) {
        return nanos(before) + "/" + nanos(after);
    }

    private static String nanos(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    /** The per-round ratios Java / {@code other} and their median, with who is ahead. */
    private static void printRatios(PrintStream out, Figure figure, double[] java, double[] other,
            String name) {
        double[] ratios = new double[java.length];
        for (int i = 0; i < java.length; i++) {
            ratios[i] = java[i] / other[i];
        }
        double ratio = median(ratios);
        printLine(out, String.format(Locale.ROOT, "    Java / %s per round %s   median %s (%s)",
                name, list(ratios), fmt(ratio), verdict(figure, ratio)));
    }

    /** The widest line of the table. */
    static final int COLUMNS = 100;

    /** {@code line}, its median on a line of its own where it would pass {@link #COLUMNS}. */
    private static void printLine(PrintStream out, String line) {
        int median = line.lastIndexOf("   median ");
        if (line.length() <= COLUMNS || median < 0) {
            out.println(line);
        } else {
            out.println(line.substring(0, median));
            out.println("     " + line.substring(median));
        }
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
            String rounds = args.get(i + 1);
            int n = rounds.length() > 4 ? 0 : Integer.parseInt(rounds); // digits, at most 9999
            if (n < 1) {
                throw new IllegalArgumentException(
                        "--vs-elixir takes from 1 to 9999 rounds, not " + rounds);
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
