package todo.cache;

import static org.assertj.core.api.Assertions.assertThat;

import genserver.Pid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import todo.TodoEntry;
import todo.TodoServer;

/** The book's {@code Todo.CacheTest}, test for test, and the cache's promise under concurrency. */
class TodoCacheTest {

    // tag::server-process[]
    @Test
    void serverProcess() {
        var cache = TodoCache.start();
        var bobPid = TodoCache.serverProcess(cache, "bob");

        assertThat(bobPid).isNotEqualTo(TodoCache.serverProcess(cache, "alice"));
        assertThat(bobPid).isEqualTo(TodoCache.serverProcess(cache, "bob"));
    }
    // end::server-process[]

    @Test
    void toDoOperations() {
        var cache = TodoCache.start();
        var alice = TodoCache.serverProcess(cache, "alice");
        TodoServer.addEntry(alice, new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist"));

        List<TodoEntry> entries = TodoServer.entries(alice, LocalDate.of(2023, 12, 19));

        // tag::pattern-match[]
        // assert [%{date: ~D[2023-12-19], title: "Dentist"}] = entries
        assertThat(entries).singleElement()
                .matches(entry -> entry instanceof TodoEntry(long id, LocalDate date, String title)
                        && date.equals(LocalDate.of(2023, 12, 19)) && title.equals("Dentist"));
        // end::pattern-match[]
    }

    @Test
    void twoCachesAreIndependent() {
        var one = TodoCache.start();
        var other = TodoCache.start();

        assertThat(TodoCache.serverProcess(one, "bob"))
                .isNotEqualTo(TodoCache.serverProcess(other, "bob"));
    }

    @Test
    void concurrentCallersAskingForTheSameNamesGetExactlyOneServerPerName()
            throws InterruptedException {
        var cache = TodoCache.start();
        List<String> names = IntStream.range(0, 50).mapToObj(i -> "list " + i).toList();
        var seen = new ConcurrentHashMap<String, Set<Pid<TodoServer.Request>>>();
        var threads = new ArrayList<Thread>();
        for (int client = 0; client < 100; client++) {
            threads.add(Thread.ofVirtual().start(() -> names.forEach(name -> seen
                    .computeIfAbsent(name, unused -> ConcurrentHashMap.newKeySet())
                    .add(TodoCache.serverProcess(cache, name)))));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(seen).hasSize(names.size());
        assertThat(seen.values()).allSatisfy(pids -> assertThat(pids).hasSize(1));
        assertThat(seen.values().stream().flatMap(Set::stream).distinct()).hasSize(names.size());
    }

    @Test
    void oneCacheHoldsOneHundredThousandLists() {
        var cache = TodoCache.start();

        Set<Pid<TodoServer.Request>> servers = new HashSet<>();
        IntStream.range(0, 100_000)
                .forEach(i -> servers.add(TodoCache.serverProcess(cache, "list " + i)));

        assertThat(servers).hasSize(100_000);
        assertThat(TodoCache.serverProcess(cache, "list 99999")).isIn(servers);
    }
}
