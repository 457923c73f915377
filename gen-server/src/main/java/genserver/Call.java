package genserver;

/**
 * A request that is answered: a message sent with {@link GenServer#call}, whose caller waits for
 * an {@code R}. The reply type is part of the request's declaration, e.g. {@code record
 * Entries(LocalDate date) implements Request, Call<List<TodoEntry>>}, so that {@code
 * GenServer.call(server, new Entries(date))} returns a {@code List<TodoEntry>} without a cast
 * (Pekko's {@code replyTo: ActorRef<R>} says the same). The server answers in {@code handleCall}.
 *
 * @param <R> what the server answers
 */
public interface Call<R> {}
