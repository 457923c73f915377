package rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import genserver.GenServer;
import java.util.Set;

/** A server's callbacks run in its own process: only the runtime calls them. */
public final class CallbackRules {
    private CallbackRules() {}

    private static final Set<String> CALLBACKS = Set.of("init", "handleCall", "handleCast",
            "handleContinue", "terminate");

    @ArchTest
    public static final ArchRule onlyTheRuntimeCallsCallbacks = noClasses()
            .that().resideOutsideOfPackage("genserver..")
            .should().callMethodWhere(DescribedPredicate.describe("a GenServer callback",
                    // (a server may call its own callbacks: that is still its own process; so may a
                    // bridge method)
                    (JavaMethodCall call) -> CALLBACKS.contains(call.getName())
                            && call.getTargetOwner().isAssignableTo(GenServer.class)
                            && !call.getOriginOwner().equals(call.getTargetOwner())))
            .because(
                    "a callback called from another thread would touch the server's state outside its process; "
                            + "interface functions go through GenServer.call and GenServer.cast");

    @ArchTest
    public static final ArchRule serverStateLivesOnlyInTheProcess = fields()
            .that().areDeclaredInClassesThat().implement(GenServer.class)
            .should().beFinal().andShould().notBePublic()
            .because(
                    "a server's state is handed to its callbacks by its own process; a field that can change, "
                            + "or that others can read, would let another thread see or change it")
            // 7.1's and 7.2's servers keep no field at all
            .allowEmptyShould(true);
}
