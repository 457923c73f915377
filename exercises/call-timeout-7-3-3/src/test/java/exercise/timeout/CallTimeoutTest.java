package exercise.timeout;

import genserver.Pid;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import todo.TodoEntry;
import todo.persistence.TodoServer;

/** The exercise's tests against your code. */
class CallTimeoutTest extends CallTimeoutContract {
    @Override
    Optional<List<TodoEntry>> entries(Pid<TodoServer.Request> server, LocalDate date,
            Duration timeout) {
        return TimedEntries.entries(server, date, timeout);
    }
}
