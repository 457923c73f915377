package exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs an exercise's tests against its starter code, through the JUnit Platform launcher, and
 * checks that every one of them fails, each with the starter's instruction: so no exercise can be
 * shipped already solved, or with a test that cannot fail.
 */
public final class StarterCheck {
    private StarterCheck() {}

    public static void assertEveryTestFailsWithAnInstruction(Class<?> starterTests) {
        var listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request().selectors(selectClass(starterTests))
                        .build(),
                listener);
        TestExecutionSummary summary = listener.getSummary();

        assertThat(summary.getTestsFoundCount())
                .as("tests found in " + starterTests.getSimpleName()).isPositive();
        assertThat(summary.getTestsSucceededCount())
                .as("tests of " + starterTests.getSimpleName()
                        + " that pass against the starter code: if you have "
                        + "solved the exercise, well done; run its tests with the command in its README instead of mvn verify")
                .isZero();
        List<Throwable> failures = summary.getFailures().stream()
                .map(TestExecutionSummary.Failure::getException).toList();
        assertThat(failures).hasSize((int) summary.getTestsFoundCount());
        assertThat(failures).allSatisfy(failure -> assertThat(rootCause(failure))
                .as("why a test fails against the starter")
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("TODO"));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
