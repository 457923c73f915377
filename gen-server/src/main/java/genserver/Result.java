package genserver;

/**
 * What a callback asks the runtime to do next: OTP's {@code {:reply, ...}}, {@code {:noreply, ...}}
 * and {@code {:stop, ...}} tuples as values, so that a callback never acts on the process itself.
 *
 * @param <S> the server's state
 */
public sealed interface Result<S> {

    /** {@code {:reply, value, state}}: answer the caller now. Only {@code handleCall} may reply. */
    record Reply<S>(Object value, S state) implements Result<S> {}

    /**
     * {@code {:noreply, state}}, or {@code {:ok, state}} from init; with a non-null {@code
     * continueArg}, {@code handleContinue} runs before the next message, as with OTP's {@code
     * {:continue, arg}}.
     */
    record NoReply<S>(S state, Object continueArg) implements Result<S> {}

    /** {@code {:stop, reason, state}}: run {@code terminate}, then end the process. */
    record Stop<S>(Object reason, S state) implements Result<S> {}

    /** From {@code init}: start with this state. */
    static <S> Result<S> ok(S state) {
        return new NoReply<>(state, null);
    }

    /** Answer the caller of {@code handleCall} with {@code value}; keep {@code state}. */
    static <S> Result<S> reply(Object value, S state) {
        return new Reply<>(value, state);
    }

    /** Keep {@code state}; from {@code handleCall}, the caller is answered later by {@link GenServer#reply}. */
    static <S> Result<S> noreply(S state) {
        return new NoReply<>(state, null);
    }

    /** Keep {@code state}, then call {@code handleContinue(continueArg, state)} before the next message. */
    static <S> Result<S> continueWith(S state, Object continueArg) {
        return new NoReply<>(state, java.util.Objects.requireNonNull(continueArg, "continueArg"));
    }

    /** End the process with {@code reason} ({@code "normal"} for an orderly stop). */
    static <S> Result<S> stop(Object reason, S state) {
        return new Stop<>(reason, state);
    }
}
