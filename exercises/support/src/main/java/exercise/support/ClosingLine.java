package exercise.support;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends every test run of an exercise with one line a learner cannot miss, even under
 * {@code mvn -q}: what ran against what, then {@code N passed, N failed} alone on a line. Found by
 * the JUnit Platform through {@code META-INF/services}, so no test has to ask for it. Which code
 * the tests ran against (your code, the reference, the starter) comes from the system property
 * {@code exercise.run} that each surefire execution of {@code exercises/pom.xml} sets.
 */
public final class ClosingLine implements TestExecutionListener {
    private int passed;
    private int failed;
    private int skipped;
    private int rules;
    private int rulesKept;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        passed = 0;
        failed = 0;
        skipped = 0;
        rules = 0;
        rulesKept = 0;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            skipped++;
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed++;
            case FAILED -> failed++;
            case ABORTED -> skipped++;
        }
        if (test.getUniqueId().startsWith("[engine:archunit]")) {
            rules++;
            rulesKept += result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? 1 : 0;
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String against = System.getProperty("exercise.run", "your code");
        // System.out of the forked JVM: surefire shows it whatever Maven's log level.
        int tests = passed + failed + skipped - rules;
        System.out.println();
        System.out.println(System.getProperty("exercise.name", "the exercise") + ", against "
                + against + ":");
        System.out.println("  the exercise's tests: " + (passed - rulesKept) + " of " + tests
                + " pass");
        if (skipped > 0 && "skipped".equals(System.getProperty(StarterMode.TODO))) {
            System.out.println("  not solved yet:       " + skipped
                    + " skipped, each stopped at a TODO (run the test class with -Dtest to see them fail)");
        }
        if (rules > 0) {
            System.out.println("  the process rules:    " + rulesKept + " of " + rules + " kept");
        }
        System.out.println(passed + " passed, " + failed + " failed"
                + (skipped > 0 ? ", " + skipped + " skipped" : ""));
    }
}
