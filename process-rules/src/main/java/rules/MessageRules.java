package rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.LocalDate;
import java.util.Set;

/**
 * Messages are data: a server's protocol is a sealed interface named {@code Request}, every message
 * a record of it, and every component of an immutable type (or another sealed protocol). (A collection in a message must be an
 * unmodifiable copy; that is tested where a message has one, since the type does not say it.)
 */
public final class MessageRules {
    private MessageRules() {}

    private static final Set<String> IMMUTABLE = Set.of(String.class.getName(),
            Integer.class.getName(),
            Long.class.getName(), Boolean.class.getName(), Double.class.getName(),
            LocalDate.class.getName(),
            java.nio.file.Path.class.getName(), "genserver.Pid", "genserver.From");

    @ArchTest
    public static final ArchRule messagesAreRecordsOfASealedProtocol = classes()
            .that().implement(JavaClassNamed.REQUEST)
            .should(beImmutableRecords())
            .because(
                    "a message is shared by its sender and its receiver; only a value nobody can change is safe "
                            + "to share, and a sealed protocol lets the compiler check that each message is handled")
            // 7.3.3's exercise talks to 7.3's server and has no protocol of its own
            .allowEmptyShould(true);

    static ArchCondition<JavaClass> beImmutableRecords() {
        return new ArchCondition<>("be records whose components are of immutable types") {
            @Override
            public void check(JavaClass message, ConditionEvents events) {
                if (!message.isRecord()) {
                    events.add(SimpleConditionEvent.violated(message,
                            message.getName() + " is a message but not a record"));
                    return;
                }
                for (JavaField field : message.getFields()) {
                    if (field.getModifiers().contains(JavaModifier.STATIC)) {
                        continue;
                    }
                    JavaClass type = field.getRawType();
                    boolean immutable = type.isPrimitive() || type.isRecord() || type.isEnum()
                            || IMMUTABLE.contains(type.getName()) || isProtocol(type)
                            || sealedRecords(type);
                    if (!immutable) {
                        events.add(SimpleConditionEvent.violated(message,
                                message.getName() + "." + field.getName()
                                        + " is a " + type.getName()
                                        + ", which can change after the message is sent"));
                    }
                }
                message.getInterfaces().stream().map(i -> i.toErasure())
                        .filter(i -> i.getSimpleName().equals("Request")
                                && !i.reflect().isSealed())
                        .forEach(i -> events.add(SimpleConditionEvent.violated(message,
                                i.getName() + " is not sealed")));
            }
        };
    }

    /** A sealed interface all of whose messages are records: a protocol carried inside another. */
    private static boolean sealedRecords(JavaClass type) {
        Class<?> reflected = type.reflect();
        return reflected.isInterface() && reflected.isSealed()
                && java.util.Arrays.stream(reflected.getPermittedSubclasses())
                        .allMatch(Class::isRecord);
    }

    /**
     * A sealed {@code Request} interface: a message may carry another protocol's message (a
     * lesson's server hands its safety layer's messages on in one record), whose records this rule
     * checks in turn.
     */
    static boolean isProtocol(JavaClass type) {
        return JavaClassNamed.REQUEST.test(type) && type.reflect().isSealed();
    }

    /** Interfaces named {@code Request}: the workbook's name for a server's protocol. */
    static final class JavaClassNamed {
        static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> REQUEST = com.tngtech.archunit.base.DescribedPredicate
                .describe("a server's Request protocol",
                        (JavaClass c) -> c.isInterface() && c.getSimpleName().equals("Request"));

        private JavaClassNamed() {}
    }
}
