package rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The pure core knows no processes; a step does not use what a later step replaced. */
public final class LayerRules {
    private LayerRules() {}

    @ArchTest
    public static final ArchRule theToDoCoreIsPure = classes()
            .that().haveSimpleNameStartingWith("TodoList").or()
            .haveSimpleNameStartingWith("TodoEntry")
            .should().onlyDependOnClassesThat().resideInAnyPackage("todo", "java..")
            .allowEmptyShould(true)
            .because(
                    "a to-do list is a plain value: it knows nothing of processes, so any process can hold one");

    @ArchTest
    public static final ArchRule persistenceDoesNotUseTheServersItReplaced = noClasses()
            .that().resideInAnyPackage("todo.persistence..", "todo.pooling..")
            .should().dependOnClassesThat().haveFullyQualifiedName("todo.TodoServer")
            .orShould().dependOnClassesThat().resideInAPackage("todo.cache..")
            .allowEmptyShould(true)
            .because(
                    "step 7.3 replaces 7.1's TodoServer and 7.2's TodoCache with its own; mixing them would "
                            + "start servers that never store their lists");
}
