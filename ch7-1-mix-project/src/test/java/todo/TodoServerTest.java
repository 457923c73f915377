package todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import genserver.GenServer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The book's {@code Todo.ServerTest}, and what a shared-memory language must also prove. */
class TodoServerTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);

    @Test
    void addEntryAndEntries() {
        var todoServer = TodoServer.start();

        TodoServer.addEntry(todoServer, new TodoEntry(DEC_19, "Dentist"));
        List<TodoEntry> entries = TodoServer.entries(todoServer, DEC_19);

        // assert [%{date: ~D[2023-12-19], title: "Dentist"}] = entries
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.date()).isEqualTo(DEC_19);
            assertThat(entry.title()).isEqualTo("Dentist");
        });
    }

    @Test
    void aReplyCannotBeUsedToChangeTheServersState() {
        var todoServer = TodoServer.start();
        TodoServer.addEntry(todoServer, new TodoEntry(DEC_19, "Dentist"));
        List<TodoEntry> reply = TodoServer.entries(todoServer, DEC_19);

        assertThatThrownBy(() -> reply.add(new TodoEntry(DEC_19, "Forged")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> reply.clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(TodoServer.entries(todoServer, DEC_19)).extracting(TodoEntry::title)
                .containsExactly("Dentist");
    }

    private static final int CLIENTS = 100;
    private static final int PER_CLIENT = 100;

    /** {@code CLIENTS} clients add {@code PER_CLIENT} entries each, at once; the entries then. */
    private static List<TodoEntry> entriesOfManyConcurrentClients() throws InterruptedException {
        var todoServer = TodoServer.start();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> IntStream.range(0, PER_CLIENT)
                    .forEach(i -> TodoServer.addEntry(todoServer,
                            new TodoEntry(DEC_19, client + "/" + i)))));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        List<TodoEntry> entries = TodoServer.entries(todoServer, DEC_19);
        GenServer.stop(todoServer);
        return entries;
    }

    @Test
    void manyConcurrentClientsGetUniqueIds() throws InterruptedException {
        List<TodoEntry> entries = entriesOfManyConcurrentClients();

        // Ids 1 to 10,000 in order: none lost, none given twice. (An equality of lists, not
        // containsExactly, whose element-by-element diff costs more than the whole exchange.)
        assertThat(entries).extracting(TodoEntry::id)
                .isEqualTo(LongStream.rangeClosed(1, CLIENTS * PER_CLIENT).boxed().toList());
    }

    @Test
    void manyConcurrentClientsLoseNothing() throws InterruptedException {
        List<TodoEntry> entries = entriesOfManyConcurrentClients();

        // Every client's every entry, once (a set's equality: cheap even on a busy machine).
        Set<String> sent = IntStream.range(0, CLIENTS).boxed()
                .flatMap(c -> IntStream.range(0, PER_CLIENT).mapToObj(i -> c + "/" + i))
                .collect(Collectors.toSet());
        assertThat(entries.stream().map(TodoEntry::title).collect(Collectors.toSet()))
                .isEqualTo(sent);
    }
}
