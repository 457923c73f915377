package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import todo.Iex;
import todo.persistence.FileStorage;

/** Smoke test: the 7.3.2 session against the pooled database. */
class MainTest {
    private static final Path FOLDER = FileStorage.DEFAULT_FOLDER.toAbsolutePath().normalize();

    @BeforeEach
    void wipePersist() throws Exception {
        // The module's ./persist, not the demo's target/persist.
        if (Files.isDirectory(FOLDER)) {
            try (Stream<Path> files = Files.list(FOLDER)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void replaysTheBooksSession() {
        List<String> lines = Iex.transcript(Main::replay);

        assertThat(lines).contains(
                "TodoList[nextId=2, entries={1=TodoEntry[id=1, date=2023-12-19, title=Dentist]}]");
        assertThat(lines).last().asString().matches("#PID<0\\.\\d+\\.0>");
    }

    @Test
    void printsBesideEachIexLineTheJavaItRuns() throws Exception {
        List<String> lines = Iex.transcript(Main::replay);

        // The session is 7.3's, replayed from its Main; this step adds the lines around it.
        assertThat(Iex.drift(lines,
                Files.readString(Path.of("src/main/java/todo/pooling/Main.java")),
                Files.readString(Path.of(
                        "../ch7-3-persistence/src/main/java/todo/persistence/Main.java"))))
                .isEmpty();
    }

    @Test
    void printsFirstTheListsAnEarlierRunLeftInTheFolder() {
        Iex.transcript(Main::replay);
        List<String> lines = Iex.transcript(Main::replay);

        assertThat(lines).first().isEqualTo("persist folder: " + FOLDER
                + " (1 list from an earlier run of this step's demo or JShell, which both use it)");
    }
}
