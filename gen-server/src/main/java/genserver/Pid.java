package genserver;

/**
 * The identity of a process, printed the way the BEAM prints one: {@code #PID<0.123.0>}.
 *
 * <p>A pid is the only handle other code gets on a process: everything it can do with it goes
 * through {@link GenServer}'s static functions, which turn into messages. The type parameter is
 * the server's protocol, so that the compiler refuses a message the server does not speak.
 *
 * @param <M> the messages this process accepts
 */
public final class Pid<M> {
    final Process<?, M> process;

    Pid(Process<?, M> process) {
        this.process = process;
    }

    @Override
    public String toString() {
        return "#PID<0." + process.number + ".0>";
    }
}
