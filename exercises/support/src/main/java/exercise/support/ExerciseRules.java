package exercise.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import rules.FileAccessRules;
import rules.LayerRules;
import rules.ProcessBoundaryRules;
import rules.SourceRules;

/**
 * The chapter's process rules (module {@code process-rules}), for an exercise's test class to apply
 * to the code it tests, in one field:
 *
 * <pre>{@code
 * @AnalyzeClasses(packagesOf = PoolingTest.class, importOptions = ImportOption.DoNotIncludeTests.class)
 * class PoolingTest {
 *     @ArchTest static final ArchTests processRules = ExerciseRules.ALL;
 * }
 * }</pre>
 *
 * A solution that passes every test with a lock or a shared map still fails here, with the
 * reason. The {@code synchronized} blocks that byte code does not show are found in the sources
 * the tests run against: {@code src/main/java}, or the folder the system property
 * {@code exercise.sources} names (the reference run sets {@code src/solution/java}).
 */
public final class ExerciseRules {
    private ExerciseRules() {}

    @ArchTest
    static final ArchTests processBoundary = ProcessBoundaryRules.ALL;

    /** No exercise has a program of its own that may touch files. */
    @ArchTest
    static final ArchRule files = FileAccessRules.onlyStorageTouchesFiles();

    /** The exercises build on step 7.3, whose TodoServer stores its list; 7.1's does not. */
    @ArchTest
    static final ArchRule layers = LayerRules.doesNotUseWhatItReplaced("exercise..",
            todo.TodoServer.class);

    /** A field, not a method: {@code -Dtest=PoolingTest#method} would leave a method rule out. */
    @ArchTest
    static final ArchRule noSynchronizedBlocks = classes().that().areTopLevelClasses()
            .should(SourceRules.haveNoSynchronizedBlockIn(
                    Path.of(System.getProperty("exercise.sources", "src/main/java"))))
            .allowEmptyShould(true);

    /** All of the above. */
    public static final ArchTests ALL = ArchTests.in(ExerciseRules.class);
}
