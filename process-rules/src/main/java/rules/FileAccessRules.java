package rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Only the storage under the database's workers touches the file system. A step's
 * {@code ProcessBoundaryTest} names its own programs that may (a benchmark that makes a scratch
 * folder or reads {@code /proc} for its report):
 *
 * <pre>{@code
 * @ArchTest
 * static final ArchRule files = FileAccessRules.onlyStorageTouchesFiles(LoadTest.class);
 * }</pre>
 */
public final class FileAccessRules {
    private FileAccessRules() {}

    /** The rule for a step whose {@code programs} (none, often) may touch files too. */
    public static ArchRule onlyStorageTouchesFiles(Class<?>... programs) {
        Set<String> exempt = Arrays.stream(programs).map(Class::getName)
                .collect(Collectors.toUnmodifiableSet());
        return noClasses()
                .that().areNotAssignableTo("todo.persistence.Storage")
                .and(DescribedPredicate.describe("are not the programs " + exempt,
                        (JavaClass c) -> !exempt.contains(c.getName())))
                .and().resideOutsideOfPackage("genserver..")
                .should().accessClassesThat()
                .belongToAnyOf(java.nio.file.Files.class, java.nio.channels.FileChannel.class,
                        java.io.File.class, java.io.FileInputStream.class,
                        java.io.FileOutputStream.class, java.io.FileReader.class,
                        java.io.FileWriter.class, java.io.RandomAccessFile.class)
                .because(
                        "a file belongs to the one process that writes it: the database process or its workers go "
                                + "through a Storage, and design 2's BypassDatabase does too, in its server's own process. A file "
                                + "written from anywhere else is a second writer nobody orders");
    }
}
