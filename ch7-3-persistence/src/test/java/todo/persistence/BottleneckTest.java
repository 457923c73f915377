package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import genserver.CallTimeoutException;
import genserver.GenServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;
import todo.TodoList;

/** Section 7.3.3: what one database process means when requests come faster than it writes. */
class BottleneckTest {
    @TempDir
    Path folder;

    @Test
    void underABurstTheMailboxGrowsAndAfterwardsEverythingIsOnDisk() {
        var storage = GatedStorage.writesOnly(new FileStorage(folder));
        var database = TodoDatabase.start(storage);
        var cache = TodoCache.start(database);
        var servers = IntStream.range(0, 100)
                .mapToObj(l -> TodoCache.serverProcess(cache, "list " + l)).toList();
        // all loaded
        servers.forEach(server -> TodoServer.entries(server, LocalDate.of(2023, 12, 19)));
        // The database is stuck on its first write while 100 lists x 10 entries pour in.
        for (var server : servers) {
            for (int e = 0; e < 10; e++) {
                TodoServer.addEntry(server,
                        new TodoEntry(LocalDate.of(2023, 12, 19), "entry " + e));
            }
        }
        await().until(() -> GenServer.messageQueueLength(database.pid()) >= 900);

        storage.open();

        await().until(() -> GenServer.messageQueueLength(database.pid()) == 0);
        for (int l = 0; l < 100; l++) {
            TodoList stored = TermCodec.decode(storage.read("list " + l));
            assertThat(stored.size()).isEqualTo(10);
        }
    }

    @Test
    void theDemoReportsItsFiguresAndLeavesEverythingOnDisk() throws Exception {
        var database = TodoDatabase.start(folder);

        var figures = BottleneckDemo.run(database,
                () -> GenServer.messageQueueLength(database.pid()),
                () -> GenServer.messageQueueLength(database.pid()) == 0, (millis, length) -> {
                });

        assertThat(figures.entries()).isEqualTo(10_000);
        assertThat(figures.entriesPerSecond()).isPositive();
        assertThat(figures.lostEntries()).isZero();
        assertThat(database.get("list 99").size()).isEqualTo(100);
    }

    /**
     * The seed's question: "What if a server gets a reply from a timed-out request? Does it remain
     * in the server's mailbox forever?" No: the late answer finds its call abandoned and is dropped;
     * the caller's next call receives its own answer.
     */
    @Test
    void aLateReplyToATimedOutCallIsDroppedAndTheNextCallGetsItsOwnAnswer() {
        var storage = new InMemoryStorage();
        storage.write("bob", TermCodec
                .encode(TodoList.of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), "Bob's")))));
        var slow = new GatedStorage(storage);
        var database = TodoDatabase.start(slow);

        assertThatThrownBy(() -> GenServer.call(database.pid(), new TodoDatabase.Get("nobody"),
                Duration.ofMillis(50)))
                .isInstanceOf(CallTimeoutException.class);
        slow.open(); // the database now answers the abandoned call: null, for "nobody"

        TodoList bob = database.get("bob");
        assertThat(bob.entries(LocalDate.of(2023, 12, 19))).extracting(TodoEntry::title)
                .containsExactly("Bob's");
        assertThat(GenServer.messageQueueLength(database.pid())).isZero();
    }
}
