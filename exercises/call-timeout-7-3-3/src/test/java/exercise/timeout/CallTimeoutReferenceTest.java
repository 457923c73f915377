package exercise.timeout;

import genserver.Pid;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import todo.TodoEntry;
import todo.persistence.TodoServer;

/** The same tests against the reference solution in src/solution/java: they must pass. */
class CallTimeoutReferenceTest extends CallTimeoutContract {
    @Override
    Optional<List<TodoEntry>> entries(Pid<TodoServer.Request> server, LocalDate date,
            Duration timeout) {
        return TimedEntriesSolution.entries(server, date, timeout);
    }
}
