package todo.persistence.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.FileStorage;
import todo.persistence.ListStore;
import todo.persistence.Storage;
import todo.persistence.safety.ForwardingStorage;
import todo.persistence.safety.PendingWrites;

/**
 * Lists that cannot be written must not slow the ones that can: each good write tries again only
 * the failing lists whose back-off has run out. Counted in write attempts, on a clock the test
 * moves, so nothing here depends on how fast the machine is.
 */
class PendingWritesTest {
    private static final TodoList LIST = TodoList
            .of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));
    private static final int FAILING = 10;
    private static final int GOOD_STORES = 200;

    @TempDir
    Path folder;

    private CountingStorage storage;
    private long now = 1_000_000_000L;
    private PendingWrites writes;
    private List<String> failing;

    @BeforeEach
    void start() throws IOException {
        storage = new CountingStorage(new FileStorage(folder));
        writes = new PendingWrites(new ListStore(storage), true, () -> now);
        failing = IntStream.range(0, FAILING).mapToObj(i -> "failing-" + i).toList();
        for (String key : failing) {
            Files.createDirectory(folder.resolve(key)); // a folder where its file should be
            assertThat(writes.write(key, LIST)).isFalse();
        }
    }

    @Test
    void failingListsGetAFewAttemptsDuringManyGoodStoresNotOneEach() {
        for (int i = 0; i < GOOD_STORES; i++) {
            assertThat(writes.write("good", LIST)).isTrue();
        }

        // Each: its own store, then once by the next good write (the disk may have been back).
        assertThat(storage.attemptsOf(failing)).isEqualTo(2 * FAILING);
        assertThat(storage.attemptsOf(List.of("good"))).isEqualTo(GOOD_STORES);
        assertThat(writes.status().unsaved()).containsExactlyElementsOf(failing);

        // Then after 100 ms, 200 ms, 400 ms... up to 30 s: one more attempt each, by the next
        // good write, and none a nanosecond before.
        long wait = PendingWrites.FIRST_BACKOFF.toNanos();
        for (int round = 1; round <= 16; round++) {
            now += wait - 1;
            writes.write("good", LIST);
            assertThat(storage.attemptsOf(failing)).as("just before round " + round)
                    .isEqualTo((1 + round) * FAILING);
            now += 1;
            writes.write("good", LIST);
            assertThat(storage.attemptsOf(failing)).as("round " + round)
                    .isEqualTo((2 + round) * FAILING);
            wait = Math.min(2 * wait, PendingWrites.MAX_BACKOFF.toNanos());
        }
        assertThat(wait).isEqualTo(PendingWrites.MAX_BACKOFF.toNanos());
    }

    /** Good stores until every failing list is backing off. */
    private void backingOff() {
        for (int i = 0; i < GOOD_STORES; i++) {
            writes.write("good", LIST);
        }
        assertThat(storage.attemptsOf(failing)).isEqualTo(2 * FAILING); // backing off now
    }

    @Test
    void aListsOwnStoreTriesAtOnceWhateverTheBackOff() {
        backingOff();

        writes.write("failing-3", LIST);
        assertThat(storage.attemptsOf(List.of("failing-3"))).isEqualTo(3);
    }

    @Test
    void aRetryTriesAtOnceWhateverTheBackOff() {
        backingOff();

        writes.retry();
        assertThat(storage.attemptsOf(failing)).isEqualTo(3 * FAILING);
    }

    @Test
    void aCloseTriesAtOnceWhateverTheBackOff() throws IOException {
        backingOff();

        Files.delete(folder.resolve("failing-7")); // this one can be written again
        writes.close();
        assertThat(storage.attemptsOf(failing)).isEqualTo(3 * FAILING);
        assertThat(writes.status().unsaved()).hasSize(FAILING - 1).doesNotContain("failing-7");
        assertThat(new ListStore(new FileStorage(folder)).load("failing-7")).isEqualTo(LIST);
    }

    @Test
    void aListWrittenAgainStartsItsBackOffAfresh() throws IOException {
        for (int i = 0; i < GOOD_STORES; i++) {
            writes.write("good", LIST);
        }
        Files.delete(folder.resolve("failing-0"));
        writes.write("failing-0", LIST); // written: its back-off is forgotten
        Files.delete(folder.resolve("failing-0"));
        Files.createDirectory(folder.resolve("failing-0"));
        writes.write("failing-0", LIST);
        int before = storage.attemptsOf(List.of("failing-0"));

        writes.write("good", LIST);

        assertThat(storage.attemptsOf(List.of("failing-0"))).isEqualTo(before + 1);
        assertThat(storage.attemptsOf(failing)).isEqualTo(2 * FAILING + 3);
    }

    @Test
    void onTheSystemClockFailingListsStillCostAFewAttemptsEach() throws IOException {
        var counting = new CountingStorage(new FileStorage(folder.resolve("system")));
        Files.createDirectories(folder.resolve("system"));
        var systemClock = new PendingWrites(new ListStore(counting));
        for (String key : failing) {
            Files.createDirectory(folder.resolve("system").resolve(key));
            systemClock.write(key, LIST);
        }

        for (int i = 0; i < GOOD_STORES; i++) {
            systemClock.write("good", LIST);
        }

        // Not one attempt each per good store (2,000), whatever the pace of this machine: the
        // waits double from 100 ms, so even 25 s of good stores make at most 10 attempts each.
        assertThat(counting.attemptsOf(failing)).isLessThanOrEqualTo(10 * FAILING);
    }

    /** Counts the writes of each key, whether they succeed or not. Used by one thread. */
    private static final class CountingStorage extends ForwardingStorage {
        private final Map<String, Integer> attempts = new HashMap<>();

        CountingStorage(Storage inner) {
            super(inner);
        }

        @Override
        public void write(String key, byte[] bytes) {
            attempts.merge(key, 1, Integer::sum);
            inner.write(key, bytes);
        }

        int attemptsOf(List<String> keys) {
            return keys.stream().mapToInt(key -> attempts.getOrDefault(key, 0)).sum();
        }
    }
}
