package rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Collection;
import java.util.Map;

/** No memory shared between processes through static fields. */
public final class SharedStateRules {
    private SharedStateRules() {}

    @ArchTest
    public static final ArchRule staticFieldsAreFinal = fields()
            .that().areStatic().and().areDeclaredInClassesThat()
            .resideOutsideOfPackage("genserver..")
            .should().beFinal()
            .because(
                    "a static field that can change is memory every process shares; BEAM processes share none");

    @ArchTest
    public static final ArchRule noStaticCollections = noFields()
            .that().areStatic().and().areDeclaredInClassesThat()
            .resideOutsideOfPackage("genserver..")
            // The compiler's own tables ($VALUES of an enum, the $SwitchMap of a switch over an
            // enum) are filled once when their class loads and never change.
            .and().doNotHaveName("$VALUES").and().doNotHaveModifier(JavaModifier.SYNTHETIC)
            .should().haveRawType(DescribedPredicate.describe("a collection, map or array",
                    (JavaClass type) -> type.isArray() || type.isAssignableTo(Collection.class)
                            || type.isAssignableTo(Map.class)))
            .because("a static collection is shared mutable state even when the field is final; "
                    + "keep the data in the state of the process that owns it");
}
