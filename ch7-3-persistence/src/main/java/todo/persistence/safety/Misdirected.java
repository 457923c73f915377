package todo.persistence.safety;

import java.lang.System.Logger.Level;

/**
 * A message of the right protocol sent the wrong way: a call-only request sent as a cast, or a
 * cast-only one as a call (only raw {@link genserver.GenServer#cast} or {@code call} can do it;
 * the interface functions never do). It is the sender's mistake, so it never ends a process that
 * other lists share: a cast is logged and dropped, a call is logged and answered with the error
 * (the raw caller gets an {@link IllegalArgumentException} value where it expected its answer).
 * Every database protocol's wrong arms come here, the one shape for all of them.
 */
public final class Misdirected {
    private static final System.Logger LOG = System.getLogger(Misdirected.class.getName());

    private Misdirected() {}

    /** A call-only request that came as a cast: logged and dropped. */
    public static void cast(Object request) {
        LOG.log(Level.WARNING, "dropped " + request + ": it is a call, not a cast");
    }

    /** A cast-only request that came as a call: logged; the error is the answer. */
    public static IllegalArgumentException call(Object request) {
        var error = new IllegalArgumentException(request + " is a cast, not a call");
        LOG.log(Level.WARNING, error.getMessage());
        return error;
    }
}
