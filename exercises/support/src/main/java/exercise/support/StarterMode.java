package exercise.support;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The build's proof that an exercise ships unsolved, run against the starter as committed: a test
 * passes here when, and only when, it fails with a {@code TODO} of the starter. A test that passes
 * against the starter (the exercise would ship solved, or the test cannot fail) or fails for
 * another reason fails here, saying which. Registered through {@code META-INF/services} and
 * switched on only by the {@code starter} execution in {@code exercises/pom.xml} (system property
 * {@code exercise.todo=expected}), so a learner's own run never meets it.
 */
public final class StarterMode implements InvocationInterceptor {
    /** How a run treats a test that fails with a TODO of the starter: the system property. */
    static final String TODO = "exercise.todo";

    @Override
    public void interceptTestMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> method, ExtensionContext context) throws Throwable {
        expectTodo(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> method, ExtensionContext context) throws Throwable {
        expectTodo(invocation, context);
    }

    private static void expectTodo(Invocation<Void> invocation, ExtensionContext context)
            throws Throwable {
        if (!"expected".equals(System.getProperty(TODO))) {
            invocation.proceed();
            return;
        }
        try {
            invocation.proceed();
        } catch (Throwable failure) {
            if (todoOf(failure) != null) {
                return;
            }
            throw new AssertionError(context.getDisplayName()
                    + " fails against the starter, but not with a TODO of the starter", failure);
        }
        throw new AssertionError(context.getDisplayName()
                + " passes against the starter: the exercise would ship solved, or this test cannot fail");
    }

    /** The TODO of the starter that {@code failure} comes from, or null. */
    static String todoOf(Throwable failure) {
        Throwable cause = rootCause(failure);
        return cause instanceof UnsupportedOperationException
                && String.valueOf(cause.getMessage()).startsWith("TODO")
                        ? cause.getMessage()
                        : null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
