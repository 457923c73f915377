package sidebyside;

import java.util.List;
import java.util.Locale;
import todo.persistence.BottleneckDemo;

/**
 * Step 7.3's {@link BottleneckDemo} (100 writers, one per list, 100 entries each, through one
 * database process) next to its Elixir twin ({@code ch7-3-persistence/src/elixir/bottleneck.exs},
 * the book's 7.3.2 code), alternately, each round in a fresh VM, and one table of entries per
 * second and the disk's cap of atomic replaces. If the cap is below 1.5 times Elixir's figure, it
 * says that 1.5x cannot be reached here while every write is atomic. With {@code --vs pekko} the
 * Pekko twin ({@code pekkotwin.Persistence}: the same workload on Pekko's typed actors, through
 * the same {@code FileStorage}) runs third in every round, a third column.
 *
 * <pre>mvn -q -pl side-by-side -am compile exec:exec@persistence-load -Dpersistence.args="--vs-elixir 3"</pre>
 */
public final class PersistenceLoad {
    private PersistenceLoad() {}

    /** The rounds unless {@code --vs-elixir N} says otherwise. */
    static final int ROUNDS = 3;

    /** What both twins print, in the same words. */
    public static List<Figure> figures() {
        return List.of(
                Figure.higherIsBetter("one database process", "entries/s",
                        "^[0-9,]+ entries in [0-9.]+ s: ([0-9,]+) entries/s"),
                capFigure(1));
    }

    /** The cap of {@code writers} writers at once, as both twins print it. */
    public static Figure capFigure(int writers) {
        return writers == 1
                ? Figure.higherIsBetter("atomic replace cap, 2 KB", "writes/s",
                        "^atomic replace cap ([0-9,]+) writes/s")
                : Figure.higherIsBetter(
                        "atomic replace cap, 2 KB, " + writers + " writers at once", "writes/s",
                        "^atomic replace cap, " + writers + " writers at once, ([0-9,]+) writes/s");
    }

    public static void main(String[] args) {
        List<String> words = SideBySide.words(args);
        int rounds;
        boolean pekko;
        try {
            rounds = SideBySide.roundsAskedFor(words);
            pekko = SideBySide.pekkoAskedFor(words);
            if (pekko && !SideBySide.onClassPath(PEKKO_TWIN)) {
                throw new IllegalArgumentException("--vs pekko runs " + PEKKO_TWIN
                        + ", which only module pekko-twin has on its class path: mvn -q -pl"
                        + " pekko-twin -am compile exec:exec@persistence-load-vs-pekko");
            }
            if (!SideBySide.withoutOption(words).isEmpty()) {
                throw new IllegalArgumentException(
                        "unknown option '" + SideBySide.withoutOption(words).getFirst() + "'");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("PersistenceLoad: " + e.getMessage());
            System.err.println("usage: PersistenceLoad [--vs-elixir [rounds]] [--vs pekko]");
            System.exit(2);
            return;
        }
        var sideBySide = sideBySide(rounds == 0 ? ROUNDS : rounds);
        if (pekko) {
            sideBySide = sideBySide.withPekko(SideBySide.javaTwin(PEKKO_TWIN), figures());
        }
        System.exit(run(sideBySide) ? 0 : 1);
    }

    /** The Pekko twin's main class (module pekko-twin), which prints the same lines. */
    static final String PEKKO_TWIN = "pekkotwin.Persistence";

    /** The demo with this JVM's options next to the book's code, {@code rounds} rounds. */
    static SideBySide sideBySide(int rounds) {
        return new SideBySide(
                "BottleneckDemo, 100 lists x 100 entries, one database process: Java / Elixir",
                SideBySide.javaTwin(BottleneckDemo.class),
                List.of(SideBySide.elixirTwin("bottleneck.elixir",
                        "ch7-3-persistence/src/elixir/bottleneck.exs").toString()),
                figures(), rounds);
    }

    private static boolean run(SideBySide sideBySide) {
        var outcome = sideBySide.measure(System.out, System.err);
        sayWhenTheCapRulesOut(outcome.javaMedian(0), outcome.elixirMedian(0),
                outcome.javaMedian(1), "database", "one writer");
        return outcome.ok();
    }

    /**
     * Says so when 1.5 times the book's {@code design} ({@code elixir} entries/s) is above the
     * {@code cap} of atomic replaces by {@code writers}: no design that keeps every file whole
     * can reach it on this disk, and the workbook does not give up whole files for a figure. If
     * our own design ({@code java} entries/s) passed that cap, the disk's pace drifted between
     * the measures, and it says that instead.
     */
    public static void sayWhenTheCapRulesOut(double java, double elixir, double cap,
            String design, String writers) {
        if (!(cap < 1.5 * elixir)) {
            return;
        }
        if (java <= 1.1 * cap) {
            System.out.printf(Locale.ROOT,
                    "1.5x the book's %s, %,.0f entries/s, is %,.0f: above the cap of %,.0f atomic"
                            + " replaces/s by %s on this disk, which no %s that keeps every file"
                            + " whole can pass (the book's File.write! is not atomic).%n",
                    design, elixir, 1.5 * elixir, cap, writers, design);
        } else {
            System.out.printf(Locale.ROOT,
                    "The cap measured here, %,.0f atomic replaces/s by %s, is below 1.5x the"
                            + " book's %s (%,.0f entries/s) but also below what ours reached"
                            + " (%,.0f): the disk's pace drifted between the measures, so this"
                            + " session cannot say whether 1.5x is in reach here.%n",
                    cap, writers, design, 1.5 * elixir, java);
        }
    }
}
