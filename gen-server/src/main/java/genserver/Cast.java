package genserver;

/**
 * A request that is not answered: a message sent with {@link GenServer#cast} (or {@link
 * GenServer#sendAfter}), handled by {@code handleCast}. A request is a {@code Cast} or a {@link
 * Call}, so that the compiler refuses a call sent as a cast and a cast sent as a call, and each
 * callback covers the other kind with one arm that never runs.
 */
public interface Cast {}
