package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import todo.Iex;
import todo.persistence.codec.TermCodec;

/** Smoke test: the step's main replays the 7.3.2 session and leaves the list in ./persist. */
class MainTest {
    @Test
    void replaysTheBooksSessionIntoPersist() throws Exception {
        Path file = FileStorage.DEFAULT_FOLDER.resolve("bobs_list");
        Files.deleteIfExists(file); // the book's tests wipe ./persist too
        List<String> lines = Iex.transcript(Main::replay);

        assertThat(lines).last()
                .isEqualTo(
                        "TodoList[nextId=2, entries={1=TodoEntry[id=1, date=2023-12-19, title=Dentist]}]");
        assertThat(TermCodec.decode(Files.readAllBytes(file)).size()).isEqualTo(1);
        Files.delete(file);
    }
}
