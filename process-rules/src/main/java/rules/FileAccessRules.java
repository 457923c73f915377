package rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Only the storage under the database's workers touches the file system. */
public final class FileAccessRules {
    private FileAccessRules() {}

    /** The programs that only make a scratch folder or read /proc for their report. */
    private static final String PROGRAMS = "todo\\.(cache\\.LoadTest|persistence\\.BottleneckDemo|pooling\\.Comparison)";

    @ArchTest
    public static final ArchRule onlyStorageTouchesFiles = noClasses()
            .that().areNotAssignableTo("todo.persistence.Storage")
            .and().haveNameNotMatching(PROGRAMS)
            .and().resideOutsideOfPackage("genserver..")
            .should().accessClassesThat()
            .belongToAnyOf(java.nio.file.Files.class, java.nio.channels.FileChannel.class,
                    java.io.File.class, java.io.FileInputStream.class,
                    java.io.FileOutputStream.class, java.io.FileReader.class,
                    java.io.FileWriter.class, java.io.RandomAccessFile.class)
            .allowEmptyShould(true)
            .because(
                    "a file belongs to the one process that writes it: the database process or its workers go "
                            + "through a Storage, and design 2's BypassDatabase does too, in its server's own process. A file "
                            + "written from anywhere else is a second writer nobody orders");
}
