package exercise.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What fails away from a test's own thread, brought back to the test: a process that crashes (the
 * runtime's crash report) and a caller thread the test started. So a starter's TODO thrown in a
 * worker's {@code handleCast} fails the waiting test at once, naming the TODO, instead of
 * letting Awaitility wait out its timeout; and a caller thread's failure is the test's failure,
 * not an uncaught-exception dump on the console.
 *
 * <pre>{@code
 * @RegisterExtension
 * final Elsewhere elsewhere = new Elsewhere();
 *
 * elsewhere.start(() -> database.store(key, list));   // a caller thread
 * elsewhere.await().until(() -> ...);                 // fails fast on a crash or a failed caller
 * }</pre>
 */
public final class Elsewhere implements BeforeEachCallback, AfterEachCallback {
    /** The runtime's logger (gen-server's {@code System.Logger}, which the JDK maps to this). */
    private static final Logger RUNTIME = Logger.getLogger("genserver");

    private final List<AssertionError> failures = new CopyOnWriteArrayList<>();
    private volatile boolean reported;
    private final Handler crashReports = new Handler() {
        @Override
        public void publish(LogRecord report) {
            if (report.getThrown() != null) {
                String message = String.valueOf(report.getMessage());
                int end = message.indexOf('\n');
                failures.add(new AssertionError("a process crashed ("
                        + (end < 0 ? message : message.substring(0, end)) + "): "
                        + report.getThrown(), report.getThrown()));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        failures.clear();
        reported = false;
        RUNTIME.addHandler(crashReports);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RUNTIME.removeHandler(crashReports);
        // A caller thread that failed where the test never looked still fails the test.
        if (!reported && context.getExecutionException().isEmpty()) {
            failures.stream().filter(failure -> failure.getMessage().startsWith(CALLER))
                    .findFirst().ifPresent(failure -> {
                        throw failure;
                    });
        }
    }

    private static final String CALLER = "a caller thread failed";

    /**
     * Awaitility's {@code await()}, failing at once, with the reason, when a process crashes or a
     * caller thread fails while it waits.
     */
    public ConditionFactory await() {
        return Awaitility.await().failFast(this::rethrow);
    }

    /** Runs {@code body} in a new virtual thread, as a caller of the code under test. */
    public Thread start(Runnable body) {
        return Thread.ofVirtual().name("caller").start(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failures.add(new AssertionError(CALLER + ": " + t, t));
            }
        });
    }

    /** Waits for the callers to end; throws, with its reason, if one of them failed. */
    public void join(Iterable<Thread> callers) throws InterruptedException {
        for (Thread caller : callers) {
            caller.join();
        }
        rethrow();
    }

    public void join(Thread caller) throws InterruptedException {
        join(List.of(caller));
    }

    /** Throws the first failure so far, if any, saying how many more there were. */
    public void rethrow() {
        if (failures.isEmpty()) {
            return;
        }
        reported = true;
        AssertionError first = failures.getFirst();
        if (failures.size() == 1) {
            throw first;
        }
        AssertionError all = new AssertionError(first.getMessage() + " (and "
                + (failures.size() - 1) + " more failures elsewhere)", first.getCause());
        throw all;
    }
}
