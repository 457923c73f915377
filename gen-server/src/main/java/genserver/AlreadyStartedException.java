package genserver;

/** OTP's {@code {:error, {:already_started, pid}}}: the name is taken by a live process. */
public final class AlreadyStartedException extends RuntimeException {
    private final transient Pid<?> pid;

    AlreadyStartedException(String name, Pid<?> pid) {
        super("already started: the name \"" + name + "\" belongs to " + pid, null, false, true);
        this.pid = pid;
    }

    /** The process that holds the name. */
    public Pid<?> pid() {
        return pid;
    }
}
