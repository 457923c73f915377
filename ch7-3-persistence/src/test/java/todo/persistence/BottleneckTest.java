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
import testsupport.Hold;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.codec.TermCodec;

/** Section 7.3.3: what one database process means when requests come faster than it writes. */
class BottleneckTest {
    @TempDir
    Path folder;

    @Test
    void afterABurstThatFilledTheMailboxEverythingIsOnDisk() {
        var storage = new FileStorage(folder);
        var hold = Hold.everyWrite();
        var database = TodoDatabase.start(hold.around(storage));
        var cache = TodoCache.start(database);
        var servers = IntStream.range(0, 20)
                .mapToObj(l -> TodoCache.serverProcess(cache, "list " + l)).toList();
        // all loaded
        servers.forEach(server -> TodoServer.entries(server, LocalDate.of(2023, 12, 19)));
        // The database is stuck on its first write while 20 lists x 10 entries pour in.
        for (var server : servers) {
            for (int e = 0; e < 10; e++) {
                TodoServer.addEntry(server,
                        new TodoEntry(LocalDate.of(2023, 12, 19), "entry " + e));
            }
        }
        await().until(() -> GenServer.messageQueueLength(database.pid()) >= 180);

        hold.release();

        await().until(() -> GenServer.messageQueueLength(database.pid()) == 0);
        for (int l = 0; l < 20; l++) {
            TodoList stored = TermCodec.decode(storage.read("list " + l));
            assertThat(stored.size()).isEqualTo(10);
        }
        GenServer.stop(cache);
        database.close();
    }

    /** The demo's workload, made small: 20 writers x 20 entries. */
    private static BottleneckDemo.Figures smallDemo(TodoDatabase database) throws Exception {
        return BottleneckDemo.run(database, 20, 20,
                () -> GenServer.messageQueueLength(database.pid()),
                () -> GenServer.messageQueueLength(database.pid()) == 0, (millis, length) -> {
                });
    }

    @Test
    void theDemoReportsItsFigures() throws Exception {
        var database = TodoDatabase.start(folder);
        try {
            var figures = smallDemo(database);

            assertThat(figures.entries()).isEqualTo(400);
            assertThat(figures.entriesPerSecond()).isPositive();
            assertThat(figures.lostEntries()).isZero();
        } finally {
            database.close(); // the demo stops its cache; the database is ours
        }
    }

    @Test
    void theDemoLeavesEverythingOnDisk() throws Exception {
        var database = TodoDatabase.start(folder);
        try {
            smallDemo(database);

            assertThat(database.get("list 19").size()).isEqualTo(20);
            assertThat(database.get("list 20")).isNull();
        } finally {
            database.close(); // the demo stops its cache; the database is ours
        }
    }

    /**
     * The seed's question: "What if a server gets a reply from a timed-out request? Does it remain
     * in the server's mailbox forever?" No: the late answer finds its call abandoned and is dropped;
     * the caller's next call receives its own answer.
     */
    @Test
    void theNextCallGetsItsOwnAnswerNotTheLateReplyToATimedOutCall() {
        var storage = new InMemoryStorage();
        storage.write("bob", TermCodec
                .encode(TodoList.of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), "Bob's")))));
        var hold = Hold.everything();
        var database = TodoDatabase.start(hold.around(storage));

        assertThatThrownBy(() -> GenServer.call(database.pid(), new TodoDatabase.Get("nobody"),
                Duration.ofMillis(50)))
                .isInstanceOf(CallTimeoutException.class);
        hold.release(); // the database now answers the abandoned call: null, for "nobody"

        TodoList bob = database.get("bob");
        assertThat(bob.entries(LocalDate.of(2023, 12, 19))).extracting(TodoEntry::title)
                .containsExactly("Bob's");
        assertThat(GenServer.messageQueueLength(database.pid())).isZero();
        database.close();
    }
}
