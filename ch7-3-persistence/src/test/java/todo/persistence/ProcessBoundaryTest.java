package todo.persistence;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import rules.FileAccessRules;
import rules.LayerRules;
import rules.ProcessBoundaryRules;
import rules.SourceRules;

/** The chapter's isolation rules (module process-rules), applied to this step's code. */
@AnalyzeClasses(packages = "todo", importOptions = ImportOption.DoNotIncludeTests.class)
class ProcessBoundaryTest {
    @ArchTest
    static final ArchTests rules = ProcessBoundaryRules.ALL;

    /** The bottleneck demo makes a scratch folder for its database; Main counts the lists in its. */
    @ArchTest
    static final ArchRule files = FileAccessRules.onlyStorageTouchesFiles(BottleneckDemo.class,
            Main.class);

    /** 7.3's TodoServer stores its list; 7.1's, still on the class path, does not. */
    @ArchTest
    static final ArchRule layers = LayerRules.doesNotUseWhatItReplaced("todo.persistence..",
            todo.TodoServer.class);

    @Test
    void noSynchronizedBlocks() {
        SourceRules.assertNoSynchronizedBlocks(Path.of("src/main/java"));
    }
}
