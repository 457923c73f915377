package rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.Map;

/**
 * No memory shared between processes: not through static fields, and not through the fields of
 * an object every caller holds (a process's handle, a database), where an interface function
 * running in each caller's thread would change them at once.
 */
public final class SharedStateRules {
    private SharedStateRules() {}

    private static final DescribedPredicate<JavaClass> COLLECTION = DescribedPredicate.describe(
            "a collection, map or array",
            (JavaClass type) -> type.isArray() || type.isAssignableTo(Collection.class)
                    || type.isAssignableTo(Map.class));

    /**
     * Objects that callers share: a class that talks to a process through the runtime's interface
     * functions (a handle), or a database, which every to-do server calls. A server itself is not
     * one: its callbacks run in its process, and {@link CallbackRules} keeps its fields final.
     */
    static final DescribedPredicate<JavaClass> SHARED_BY_CALLERS = DescribedPredicate.describe(
            "callers share (handles to a process, databases)",
            (JavaClass c) -> !c.getPackageName().startsWith("genserver")
                    && !c.isAssignableTo("genserver.GenServer")
                    && (c.isAssignableTo("todo.persistence.Database")
                            || c.getDirectDependenciesFromSelf().stream()
                                    .anyMatch(d -> d.getTargetClass().getPackageName()
                                            .equals("genserver"))));

    // Each rule says whether it may find nothing to check (allowEmptyShould): an exercise has no
    // static field, 7.1 and 7.2 have no handle or database; a rule that finds nothing where
    // there must be something (no class outside the runtime) fails instead of passing.
    @ArchTest
    public static final ArchRule staticFieldsAreFinal = fields()
            .that().areStatic().and().areDeclaredInClassesThat()
            .resideOutsideOfPackage("genserver..")
            .should().beFinal()
            .because(
                    "a static field that can change is memory every process shares; BEAM processes share none")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule noStaticCollections = noFields()
            .that().areStatic().and().areDeclaredInClassesThat()
            .resideOutsideOfPackage("genserver..")
            // The compiler's own tables ($VALUES of an enum, the $SwitchMap of a switch over an
            // enum) are filled once when their class loads and never change.
            .and().doNotHaveName("$VALUES").and().doNotHaveModifier(JavaModifier.SYNTHETIC)
            .should().haveRawType(COLLECTION)
            .because("a static collection is shared mutable state even when the field is final; "
                    + "keep the data in the state of the process that owns it")
            .allowEmptyShould(true);

    /** A counter or cache in a handle: {@code stores++} in {@code store}, which runs in the caller. */
    @ArchTest
    public static final ArchRule callersChangeNoSharedField = fields()
            .that().areNotStatic().and().areDeclaredInClassesThat(SHARED_BY_CALLERS)
            .should(beWrittenOnlyByTheirConstructors())
            .because("an interface function runs in its caller's thread, and every caller shares "
                    + "this object: two callers change the field at once and one change is lost. "
                    + "Count or keep it in the state of the process that owns it, with a message "
                    + "(a cast to count, a call to read)")
            .allowEmptyShould(true);

    /** A {@code HashMap} in a field that can be replaced, used by whichever thread holds the object. */
    @ArchTest
    public static final ArchRule collectionFieldsAreFinal = fields()
            .that().areNotStatic().and().areDeclaredInClassesThat()
            .resideOutsideOfPackage("genserver..")
            .and().haveRawType(COLLECTION)
            .should().beFinal()
            .because("a collection in a field that can change is touched by whichever thread "
                    + "holds the object, a caller's or a process's, with no process to order them; "
                    + "keep the data in the state of the process that owns it (handed to each "
                    + "callback), and make a field that must hold a collection final and its "
                    + "collection unmodifiable")
            .allowEmptyShould(true);

    static ArchCondition<JavaField> beWrittenOnlyByTheirConstructors() {
        return new ArchCondition<>("be written only by their constructors") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                field.getAccessesToSelf().stream()
                        .filter(access -> access.getAccessType() == JavaFieldAccess.AccessType.SET)
                        .filter(access -> !(access.getOrigin() instanceof JavaConstructor))
                        .forEach(access -> events.add(SimpleConditionEvent.violated(field,
                                field.getOwner().getSimpleName() + "." + field.getName()
                                        + " is written in " + access.getOrigin().getName()
                                        + " (" + access.getSourceCodeLocation()
                                        + "), which runs in each caller's thread")));
            }
        };
    }
}
