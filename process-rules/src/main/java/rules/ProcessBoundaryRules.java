package rules;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * Every rule, for a step's test to include in one line:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "todo", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ProcessBoundaryTest {
 *     @ArchTest static final ArchTests rules = ProcessBoundaryRules.ALL;
 * }
 * }</pre>
 */
public final class ProcessBoundaryRules {
    private ProcessBoundaryRules() {}

    @ArchTest
    static final ArchTests fileAccess = ArchTests.in(FileAccessRules.class);

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
