package exercise.timeout;

import genserver.CallTimeoutException;
import genserver.GenServer;
import genserver.Pid;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import todo.TodoEntry;
import todo.persistence.TodoServer;

/** The reference solution of exercise 7.3.3 (kept apart from the starter: try it yourself first). */
final class TimedEntriesSolution {
    private TimedEntriesSolution() {}

    static Optional<List<TodoEntry>> entries(Pid<TodoServer.Request> server, LocalDate date, Duration timeout) {
        try {
            return Optional.of(GenServer.call(server, new TodoServer.Entries(date), timeout));
        } catch (CallTimeoutException e) {
            return Optional.empty();
        }
    }
}
