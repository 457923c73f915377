package todo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The book's iex sessions as each step's {@code Main} replays them: every line is printed after
 * {@code iex> }, then what it returned, as iex shows it. It lives in the first step because every
 * later step depends on it; {@link #transcript} gives a test the lines a session prints, so that
 * no test swaps {@code System.out}.
 */
public record Iex(PrintStream out) {
    /** Prints {@code line}, evaluates its Java twin, prints the value and returns it. */
    public <T> T eval(String line, Supplier<T> java) {
        out.println("iex> " + line);
        T value = java.get();
        out.println(value);
        return value;
    }

    /** Prints {@code line} and runs its Java twin, which returns nothing; iex prints {@code :ok}. */
    public void run(String line, Runnable java) {
        out.println("iex> " + line);
        java.run();
        out.println(":ok");
    }

    /** The lines that {@code session} prints. */
    public static List<String> transcript(Consumer<Iex> session) {
        var bytes = new ByteArrayOutputStream();
        session.accept(new Iex(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
