package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import todo.Iex;
import todo.persistence.codec.TermCodec;

/** Smoke test: the step's main replays the 7.3.2 session and leaves the list in ./persist. */
class MainTest {
    private static final Path FOLDER = FileStorage.DEFAULT_FOLDER.toAbsolutePath().normalize();

    @BeforeEach
    void wipePersist() throws Exception {
        // The book's tests wipe ./persist too (here the module's, not the demo's target/persist).
        if (Files.isDirectory(FOLDER)) {
            try (Stream<Path> files = Files.list(FOLDER)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void replaysTheBooksSessionIntoPersist() throws Exception {
        List<String> lines = Iex.transcript(Main::replay);

        assertThat(lines).last()
                .isEqualTo(
                        "TodoList[nextId=2, entries={1=TodoEntry[id=1, date=2023-12-19, title=Dentist]}]");
        assertThat(TermCodec.decode(Files.readAllBytes(FOLDER.resolve("bobs_list"))).size())
                .isEqualTo(1);
    }

    @Test
    void printsBesideEachIexLineTheJavaItRuns() throws Exception {
        List<String> lines = Iex.transcript(Main::replay);

        assertThat(Iex.drift(lines,
                Files.readString(Path.of("src/main/java/todo/persistence/Main.java")))).isEmpty();
    }

    @Test
    void printsFirstTheFolderItUsesWithNoListsYet() {
        List<String> lines = Iex.transcript(Main::replay);

        assertThat(lines).first().isEqualTo("persist folder: " + FOLDER
                + " (no lists yet; this step's demo and JShell both use it)");
    }

    @Test
    void printsFirstTheListsAnEarlierRunLeftInTheFolder() {
        Iex.transcript(Main::replay);
        List<String> lines = Iex.transcript(Main::replay);

        assertThat(lines).first().isEqualTo("persist folder: " + FOLDER
                + " (1 list from an earlier run of this step's demo or JShell, which both use it)");
    }
}
