package rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No locks in application code. ArchUnit cannot see {@code synchronized} blocks, only the
 * modifier on methods: {@link SourceRules} scans the sources for the blocks.
 */
public final class ConcurrencyRules {
    private ConcurrencyRules() {}

    @ArchTest
    public static final ArchRule noJavaUtilConcurrent = noClasses()
            .that().resideOutsideOfPackage("genserver..")
            .should().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..")
            .because(
                    "a process owns its state, so nothing needs a lock, an atomic or a concurrent collection: "
                            + "to synchronise, send a message to the process that owns the data (only gen-server, the runtime, "
                            + "uses java.util.concurrent)");

    @ArchTest
    public static final ArchRule noSynchronizedMethods = methods()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage("genserver..")
            .should().notHaveModifier(JavaModifier.SYNCHRONIZED)
            .because(
                    "a synchronized method is a lock; in this chapter the process is the critical section");

    @ArchTest
    public static final ArchRule noWaitOrNotify = noClasses()
            .that().resideOutsideOfPackage("genserver..")
            .should().callMethod(Object.class, "wait")
            .orShould().callMethod(Object.class, "wait", long.class)
            .orShould().callMethod(Object.class, "notify")
            .orShould().callMethod(Object.class, "notifyAll")
            .because("processes wait for messages, not for monitors");
}
