package sidebyside;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The machine's state around a run: how long a cache line takes to go from one core to another and
 * back, measured between two platform threads that spin. Every hand-off between two carrier
 * threads (or two BEAM schedulers) pays it at least twice, so a run taken while it is slow is slow
 * for a reason that is not the runtime's. On the 2-core VM this workbook is measured on it is about
 * 70 ns most of the time and 320 to 400 ns for stretches of seconds, as far as we can tell when
 * the host has put the two virtual cores far apart. It also rises, to microseconds and more, when
 * either spinning thread loses its core to other work: figures in the thousands mean a busy
 * machine. {@link SideBySide} measures it before and after every run and prints it under the
 * table.
 *
 * <p>Run on its own it sets the machine's round trip beside the pure-JDK hand-off of {@link
 * HandOffFloor}, from one client and from 64, on two carriers, round after round, so that a reader
 * can watch the one follow the other:
 *
 * <pre>mvn -q -pl side-by-side -am compile exec:exec@core-to-core -Dmachine.rounds=20</pre>
 */
public final class CoreToCore {
    private CoreToCore() {}

    private static final int BATCHES = 5;
    private static final int ROUND_TRIPS = 20_000;
    /** A batch ends after this, mid round trip if the echoing thread has lost its core. */
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    public static void main(String[] args) throws InterruptedException {
        int rounds;
        try {
            rounds = rounds(args);
        } catch (IllegalArgumentException e) {
            System.err.println("CoreToCore: " + e.getMessage());
            System.err.println("usage: CoreToCore [rounds, 1 to 1000]"
                    + " (through Maven: -Dmachine.rounds=N)");
            System.exit(2);
            return;
        }
        report(rounds, System.out);
    }

    static int rounds(String... args) {
        String words = String.join(" ", args).trim();
        try {
            int rounds = words.isEmpty() ? 20 : Integer.parseInt(words);
            if (rounds >= 1 && rounds <= 1000) {
                return rounds;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("rounds must be a whole number from 1 to 1000, not '"
                + words + "'");
    }

    /**
     * {@code rounds} lines: the machine's round trip, then the JDK's bare hand-off (no gen-server)
     * from one client, in µs, and from 64 clients, in hand-offs a second.
     */
    static void report(int rounds, PrintStream out) throws InterruptedException {
        HandOffFloor.perSecond(64, 64_000); // compiles the hand-off first
        HandOffFloor.roundTripMicros(64_000);
        for (int r = 1; r <= rounds; r++) {
            double nanos = roundTripNanos();
            double micros = HandOffFloor.roundTripMicros(100_000);
            double perSecond = HandOffFloor.perSecond(64, 200_000);
            out.printf(Locale.ROOT, "core-to-core round trip %4.0f ns; bare hand-off %.2f µs,"
                    + " from 64 clients %,10.0f/s%n", nanos, micros, perSecond);
        }
    }

    /** The median of a few batches' average round trip, in ns; NaN on a single processor. */
    public static double roundTripNanos() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return Double.NaN; // two spinning threads would take turns, not hand a line over
        }
        var line = new Line();
        Thread echo = Thread.ofPlatform().daemon().name("core-to-core echo").start(line::echo);
        try {
            line.batch(); // compiles the loops, so that the batches measure the line
            double[] batches = new double[BATCHES];
            for (int b = 0; b < BATCHES; b++) {
                batches[b] = line.batch();
            }
            return SideBySide.median(batches);
        } finally {
            line.stopped = true; // the echoing thread sees it within a spin and ends
        }
    }

    /** The cache line the two threads hand over: one writes {@code ping}, the other copies it. */
    private static final class Line {
        volatile long ping;
        volatile long pong;
        volatile boolean stopped;

        void echo() {
            long last = 0;
            while (!stopped) {
                long v = ping;
                if (v != last) {
                    pong = last = v;
                } else {
                    Thread.onSpinWait();
                }
            }
        }

        /**
         * Round trips until {@link #ROUND_TRIPS} or {@link #BATCH_NANOS}; their average in ns, a
         * round trip cut short by the deadline counted as one.
         */
        double batch() {
            long start = System.nanoTime();
            long deadline = start + BATCH_NANOS;
            long first = ping;
            long v = first;
            while (v - first < ROUND_TRIPS) {
                ping = ++v;
                for (int spins = 1; pong != v; spins++) {
                    Thread.onSpinWait();
                    if ((spins & 255) == 0 && System.nanoTime() - deadline > 0) {
                        return (System.nanoTime() - start) / (double) (v - first);
                    }
                }
                if (((v - first) & 255) == 0 && System.nanoTime() - deadline > 0) {
                    break;
                }
            }
            return (System.nanoTime() - start) / (double) (v - first);
        }
    }
}
