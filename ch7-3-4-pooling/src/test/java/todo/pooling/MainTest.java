package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import todo.persistence.FileStorage;
import org.junit.jupiter.api.Test;

/** Smoke test: the 7.3.2 session against the pooled database. */
class MainTest {
    @Test
    void replaysTheBooksSession() throws Exception {
        var file = FileStorage.DEFAULT_FOLDER.resolve("bobs_list");
        Files.deleteIfExists(file);
        var out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[0]);
        } finally {
            System.setOut(original);
        }

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).last()
                .isEqualTo(
                        "TodoList[nextId=2, entries={1=TodoEntry[id=1, date=2023-12-19, title=Dentist]}]");
        Files.delete(file);
    }
}
