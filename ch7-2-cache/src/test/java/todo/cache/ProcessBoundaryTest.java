package todo.cache;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import rules.FileAccessRules;
import rules.ProcessBoundaryRules;
import rules.SourceRules;

/** The chapter's isolation rules (module process-rules), applied to this step's code. */
@AnalyzeClasses(packages = "todo", importOptions = ImportOption.DoNotIncludeTests.class)
class ProcessBoundaryTest {
    // tag::rules[]
    @ArchTest
    static final ArchTests rules = ProcessBoundaryRules.ALL;

    /** The load test reads /proc for its memory report. */
    @ArchTest
    static final ArchRule files = FileAccessRules.onlyStorageTouchesFiles(LoadTest.class);
    // end::rules[]

    @Test
    void noSynchronizedBlocks() {
        SourceRules.assertNoSynchronizedBlocks(Path.of("src/main/java"));
    }
}
