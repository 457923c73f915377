package todo.pooling;

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

    /**
     * The soak makes a scratch folder for each design, and a log file; 7.3's demo, on the class
     * path and so checked again here, makes one too, and 7.3's Main counts the lists in the folder
     * that it and this step's Main use.
     */
    @ArchTest
    static final ArchRule files = FileAccessRules.onlyStorageTouchesFiles(Soak.class,
            FloodDemo.class, todo.persistence.BottleneckDemo.class, todo.persistence.Main.class);

    /** The designs serve 7.3's TodoServer, which stores its list, never 7.1's. */
    @ArchTest
    static final ArchRule layers = LayerRules.doesNotUseWhatItReplaced("todo.pooling..",
            todo.TodoServer.class);

    @Test
    void noSynchronizedBlocks() {
        SourceRules.assertNoSynchronizedBlocks(Path.of("src/main/java"));
    }
}
