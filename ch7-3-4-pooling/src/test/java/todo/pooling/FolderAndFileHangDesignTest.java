package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import todo.pooling.safety.WriteHooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.Database;
import todo.persistence.FileStorage;
import todo.persistence.ListStore;
import todo.persistence.StorageException;

/**
 * The file faults of the reliability issue that {@link todo.persistence.FileStorage} mends, in
 * every design that keeps its lists in files (design 6 keeps rows in H2): a folder deleted while
 * the design runs is made again by the next write, and a file that never answers fails its own
 * list within the read limit while the others are served.
 */
@ExtendWith(QuickPolling.class)
class FolderAndFileHangDesignTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);
    private static final TodoList ALICE = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));
    private static final TodoList BOB = TodoList.of(List.of(new TodoEntry(DEC_19, "Movies")));
    private static final int CAP = 64 << 10;

    @TempDir
    Path root;

    private Design.Running running;

    private Database start(Design design, Path folder) {
        running = design.start(new FileStorage(folder, CAP, Duration.ofMillis(200)),
                WriteHooks.NONE);
        Database database = running.database();
        database.store("alice", ALICE);
        await().until(() -> Files.exists(folder.resolve("alice")));
        return database;
    }

    @AfterEach
    void close() {
        running.close();
    }

    @ParameterizedTest
    @EnumSource(names = "SQL", mode = Mode.EXCLUDE)
    void aFolderDeletedWhileTheDesignRunsIsMadeAgainByTheNextWrite(Design design)
            throws IOException {
        Path folder = root.resolve("db");
        var database = start(design, folder);

        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        database.store("bob", BOB);

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(folder.resolve("bob")));
        assertThat(new ListStore(new FileStorage(folder)).load("bob")).isEqualTo(BOB);
        assertThat(database.writeStatus().unsaved()).isEmpty();
        assertThat(database.get("bob")).isEqualTo(BOB);
    }

    @ParameterizedTest
    @EnumSource(names = "SQL", mode = Mode.EXCLUDE)
    void aLinkToProcKmsgFailsItsListWithinTheLimit(Design design) throws IOException {
        var database = startWithALinkToKmsg(design);

        assertThatThrownBy(() -> database.get("bob")).isInstanceOf(StorageException.class)
                .hasMessageStartingWith(
                        "cannot read the to-do list 'bob' from " + root.resolve("bob"))
                .hasMessageContaining("the file did not answer within 0.2 s");
    }

    @ParameterizedTest
    @EnumSource(names = "SQL", mode = Mode.EXCLUDE)
    void aLinkToProcKmsgLeavesTheOtherListsServed(Design design) throws IOException {
        var database = startWithALinkToKmsg(design);

        assertThatThrownBy(() -> database.get("bob")).isInstanceOf(StorageException.class);
        assertThat(database.get("alice")).isEqualTo(ALICE);
    }

    /** The design on {@code root}, where bob is a link to /proc/kmsg (readable by root only). */
    private Database startWithALinkToKmsg(Design design) throws IOException {
        Path kmsg = Path.of("/proc/kmsg");
        assumeThat(Files.isReadable(kmsg)).as("reading /proc/kmsg needs root (CAP_SYSLOG)")
                .isTrue();
        var database = start(design, root);
        Files.createSymbolicLink(root.resolve("bob"), kmsg);
        return database;
    }
}
