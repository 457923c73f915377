package exercise.timeout;

import genserver.Pid;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import todo.TodoEntry;
import todo.persistence.TodoServer;

/**
 * Exercise 7.3.3: the to-do server's {@code entries}, with a timeout the caller chooses. A server
 * that does not answer in time is not an error here: the caller gets no entries, and goes on.
 */
public final class TimedEntries {
    private TimedEntries() {}

    /**
     * The entries on {@code date}, or empty if the server did not answer within {@code timeout}.
     */
    public static Optional<List<TodoEntry>> entries(Pid<TodoServer.Request> server, LocalDate date,
            Duration timeout) {
        throw new UnsupportedOperationException(
                "TODO: ask the server for the entries of the date, waiting no longer than the "
                        + "timeout; a server that does not answer in time means no entries, not an error");
    }
}
