package genserver;

import java.time.Duration;

/**
 * A {@link GenServer#call} got no answer in time. The process may still be working on it: its
 * answer, when it comes, is dropped and never reaches a later call.
 */
public final class CallTimeoutException extends RuntimeException {
    CallTimeoutException(String label, Pid<?> pid, Object request, Duration timeout) {
        super("call to " + label + " " + pid + " timed out after " + timeout.toMillis() + " ms: "
                + request, null, false, true);
    }
}
