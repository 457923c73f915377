package rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The pure core knows no processes; a step does not use what a later step replaced. Which
 * classes a step replaced, only the step knows: its {@code ProcessBoundaryTest} says so.
 *
 * <pre>{@code
 * @ArchTest
 * static final ArchRule layers =
 *         LayerRules.doesNotUseWhatItReplaced("todo.persistence..", todo.TodoServer.class);
 * }</pre>
 */
public final class LayerRules {
    private LayerRules() {}

    @ArchTest
    public static final ArchRule theToDoCoreIsPure = classes()
            .that().haveSimpleNameStartingWith("TodoList").or()
            .haveSimpleNameStartingWith("TodoEntry")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("todo", "java..", "org.pcollections..")
            .because(
                    "a to-do list is a plain value (its entries a persistent map): it knows nothing of processes, "
                            + "so any process can hold one")
            // an exercise's package has no to-do list of its own
            .allowEmptyShould(true);

    /** Classes of {@code stepPackage} use none of the {@code replaced} classes. */
    public static ArchRule doesNotUseWhatItReplaced(String stepPackage, Class<?>... replaced) {
        return noClasses().that().resideInAPackage(stepPackage)
                .should().dependOnClassesThat().belongToAnyOf(replaced)
                .because("a step replaces an earlier step's classes with its own (7.3's TodoServer "
                        + "stores its list, 7.1's does not); mixing them would start servers that "
                        + "never store their lists");
    }
}
