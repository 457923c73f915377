package todo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import genserver.GenServer;

@AnalyzeClasses(packages = "todo", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRules {

    @ArchTest
    static final ArchRule theToDoCoreIsPure = classes()
            .that().haveSimpleNameStartingWith("TodoList").or()
            .haveSimpleNameStartingWith("TodoEntry")
            .should().onlyDependOnClassesThat().resideInAnyPackage("todo", "java..")
            .because(
                    "a to-do list is a plain value: it knows nothing of processes, so any process can hold one");

    @ArchTest
    static final ArchRule serverStateLivesOnlyInTheProcess = fields()
            .that().areDeclaredInClassesThat().implement(GenServer.class)
            .should().beFinal().andShould().notBePublic()
            .allowEmptyShould(true)
            .because(
                    "a server's state is passed to its callbacks by its own process; a field would let "
                            + "another thread see or change it");
}
