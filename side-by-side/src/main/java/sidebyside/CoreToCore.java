package sidebyside;

import java.util.concurrent.TimeUnit;

/**
 * The machine's state around a run: how long a cache line takes to go from one core to another and
 * back, measured between two platform threads that spin. Every hand-off between two carrier
 * threads (or two BEAM schedulers) pays it at least twice, so a run taken while it is slow is slow
 * for a reason that is not the runtime's. On the 2-core VM this workbook is measured on it is about
 * 75 ns most of the time and about 390 ns for stretches of seconds, when the host has put the two
 * virtual cores far apart; the pure-JDK hand-off of {@link HandOffFloor} slows down with it.
 * {@link SideBySide} measures it before and after every run and prints it under the table.
 */
public final class CoreToCore {
    private CoreToCore() {}

    private static final int BATCHES = 5;
    private static final int ROUND_TRIPS = 20_000;
    /** A batch stops here even if the echoing thread is not scheduled (a busy or one-core machine). */
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

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
            line.stopped = true;
            echo.interrupt();
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

        /** Round trips until {@link #ROUND_TRIPS} or {@link #BATCH_NANOS}; their average in ns. */
        double batch() {
            long start = System.nanoTime();
            long first = ping;
            long v = first;
            while (v - first < ROUND_TRIPS
                    && ((v - first) % 256 != 0 || System.nanoTime() - start < BATCH_NANOS)) {
                ping = ++v;
                while (pong != v) {
                    Thread.onSpinWait();
                }
            }
            return (System.nanoTime() - start) / (double) Math.max(1, v - first);
        }
    }
}
