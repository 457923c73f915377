package genserver;

/**
 * The process a caller talks to is gone, or went while the caller waited: OTP's {@code exit} in
 * the caller. The message names the process and why it ended; a crash is also the {@link
 * #getCause() cause}.
 */
public final class ProcessExitException extends RuntimeException {
    private final transient Pid<?> pid;
    private final transient Object reason;

    ProcessExitException(Pid<?> pid, Object reason) {
        super(message(pid, pid.process.label(), reason), reason instanceof Throwable t ? t : null,
                false, true);
        this.pid = pid;
        this.reason = reason;
    }

    private static String message(Pid<?> pid, String label, Object reason) {
        return reason instanceof Throwable t
                ? label + " " + pid + " exited: " + t
                : "no process: " + label + " " + pid + " is not alive (exit reason: " + reason
                        + ")";
    }

    /** The process that ended. */
    public Pid<?> pid() {
        return pid;
    }

    /** Why it ended: {@code "normal"} after {@code stop}, or the exception a callback threw. */
    public Object reason() {
        return reason;
    }
}
