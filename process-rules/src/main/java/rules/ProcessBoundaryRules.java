package rules;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * Every rule that holds for every step alike, for a step's test to include in one line; the two
 * rules that depend on the step (which of its programs may touch files, which earlier classes it
 * replaced) it adds itself:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "todo", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ProcessBoundaryTest {
 *     @ArchTest static final ArchTests rules = ProcessBoundaryRules.ALL;
 *     @ArchTest static final ArchRule files = FileAccessRules.onlyStorageTouchesFiles();
 * }
 * }</pre>
 *
 * <p>A rule that may find no classes to check in some step (no server with fields in 7.1, no
 * message protocol in exercise 7.3.3) says so itself, with {@code allowEmptyShould(true)} and a
 * comment naming the step; every other rule fails when it checks nothing, since that means it
 * looked in the wrong place.
 */
public final class ProcessBoundaryRules {
    private ProcessBoundaryRules() {}

    @ArchTest
    static final ArchTests concurrency = ArchTests.in(ConcurrencyRules.class);

    @ArchTest
    static final ArchTests sharedState = ArchTests.in(SharedStateRules.class);

    @ArchTest
    static final ArchTests messages = ArchTests.in(MessageRules.class);

    @ArchTest
    static final ArchTests callbacks = ArchTests.in(CallbackRules.class);

    @ArchTest
    static final ArchTests layers = ArchTests.in(LayerRules.class);

    /** All of the above. */
    public static final ArchTests ALL = ArchTests.in(ProcessBoundaryRules.class);
}
