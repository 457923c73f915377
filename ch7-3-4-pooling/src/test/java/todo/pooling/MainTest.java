package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import todo.Iex;
import todo.persistence.FileStorage;

/** Smoke test: the 7.3.2 session against the pooled database. */
class MainTest {
    @Test
    void replaysTheBooksSession() throws Exception {
        var file = FileStorage.DEFAULT_FOLDER.resolve("bobs_list");
        Files.deleteIfExists(file);
        List<String> lines = Iex.transcript(Main::replay);

        assertThat(lines).contains(
                "TodoList[nextId=2, entries={1=TodoEntry[id=1, date=2023-12-19, title=Dentist]}]");
        assertThat(lines).last().asString().matches("#PID<0\\.\\d+\\.0>");
        Files.delete(file);
    }
}
