package todo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The book's iex sessions as each step's {@code Main} replays them: every line is printed after
 * {@code iex> }, its Java twin after {@code java> }, then what it returned, as iex shows it. It
 * lives in the first step because every later step depends on it; {@link #transcript} gives a
 * test the lines a session prints, so that no test swaps {@code System.out}, and {@link #drift}
 * checks that each printed Java line is the code its lambda runs.
 */
public record Iex(PrintStream out) {
    /** Prints {@code line} and its twin {@code javaLine}, runs it, prints its value, returns it. */
    public <T> T eval(String line, String javaLine, Supplier<T> java) {
        out.println("iex> " + line);
        out.println("java> " + javaLine);
        T value = java.get();
        out.println(value);
        return value;
    }

    /** Prints {@code line} and its twin {@code javaLine}, runs it and prints iex's {@code :ok}. */
    public void run(String line, String javaLine, Runnable java) {
        out.println("iex> " + line);
        out.println("java> " + javaLine);
        java.run();
        out.println(":ok");
    }

    /**
     * Prints {@code javaLine} alone and runs its code: a step Java takes where the book's iex does
     * it inside another line (7.3's {@code Todo.Cache.start()} starts the database itself).
     */
    public <T> T java(String javaLine, Supplier<T> java) {
        out.println("java> " + javaLine);
        return java.get();
    }

    /**
     * A step's {@code main}: replays {@code session} on standard output. A line that fails ends the
     * session as iex reports an error, in one line on standard error ({@code ** (Kind) message}),
     * and the program exits with 1: a corrupted list file or a folder another program holds is
     * the reader's to fix, not a stack trace to read.
     */
    public static void replay(Consumer<Iex> session) {
        try {
            session.accept(new Iex(System.out));
        } catch (RuntimeException e) {
            System.out.flush();
            System.err.println(error(e));
            System.exit(1);
        }
    }

    /** {@code e} as iex prints an error: {@code ** (Kind) message}, the message on one line. */
    public static String error(RuntimeException e) {
        String kind = "** (" + e.getClass().getSimpleName() + ")";
        return e.getMessage() == null
                ? kind
                : kind + " " + e.getMessage().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The lines that {@code session} prints. */
    public static List<String> transcript(Consumer<Iex> session) {
        var bytes = new ByteArrayOutputStream();
        session.accept(new Iex(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static final Pattern JAVA_LINE = Pattern.compile("(?:var (\\w+) = )?(.+);");

    /**
     * What in {@code transcript} is not the Java that {@code sources} (the text of the Mains that
     * printed it) run: an {@code iex>} line with no {@code java>} line after it, or a
     * {@code java>} line that is not, in one of the sources, the text beside the lambda that runs
     * it, as in {@code var x = iex.eval("...", "var x = f(y);", () -> f(y));} (whitespace and
     * whole-line comments aside). Empty when the printed Java cannot have drifted from the code.
     */
    public static List<String> drift(List<String> transcript, String... sources) {
        List<String> code = Stream.of(sources)
                .map(source -> normalised(source.replaceAll("(?m)^\\s*//.*$", ""))).toList();
        var drift = new ArrayList<String>();
        for (int i = 0; i < transcript.size(); i++) {
            String line = transcript.get(i);
            if (line.startsWith("iex> ")
                    && (i + 1 == transcript.size()
                            || !transcript.get(i + 1).startsWith("java> "))) {
                drift.add(line + " has no java> line after it");
            }
            if (line.startsWith("java> ")) {
                Pattern twin = twin(normalised(line.substring("java> ".length())));
                if (twin == null || code.stream().noneMatch(c -> twin.matcher(c).find())) {
                    drift.add(line + " is not, in the sources, the code its lambda runs");
                }
            }
        }
        return drift;
    }

    /** The source text that runs {@code javaLine}, as a pattern; null if it is no statement. */
    private static Pattern twin(String javaLine) {
        Matcher parts = JAVA_LINE.matcher(javaLine);
        if (!parts.matches()) {
            return null;
        }
        String literal = "\"" + javaLine.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String binding = parts.group(1) == null
                ? "(?<!= )"
                : Pattern.quote("var " + parts.group(1) + " = ");
        return Pattern.compile(binding + "iex\\.\\w+\\((?:\"(?:[^\"\\\\]|\\\\.)*\", )?"
                + Pattern.quote(literal + ", () -> " + parts.group(2) + ");"));
    }

    /** Whitespace runs as one space, none inside parentheses' edges: as the formatter may wrap. */
    private static String normalised(String code) {
        return code.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
    }
}
