package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import todo.pooling.safety.WriteHooks;
import static todo.pooling.HeldWrites.hooks;

import genserver.GenServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import testsupport.Hold;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.CorruptDataException;
import todo.persistence.Database;
import todo.persistence.FileStorage;
import todo.persistence.ListStore;
import todo.persistence.StorageException;
import todo.persistence.TodoCache;
import todo.persistence.TodoServer;
import todo.persistence.codec.TermCodec;
import todo.persistence.safety.WriteStatus;

/**
 * Issue 11's fault contract, for every design as {@link DatabaseContractTest} is for the happy
 * path: a hostile file, a bad name or a failing disk fails its own list only, no process that
 * serves other lists dies, and once the disk is back nothing is lost. Real files, FIFOs and links;
 * the failing disk through the write hooks, and once for real.
 */
@ExtendWith(QuickPolling.class)
class DesignFaultTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);
    private static final TodoList ALICE = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));
    /** Each design's cap on one list: small, so that testing it costs kilobytes. */
    private static final int CAP = 64 << 10;

    @TempDir
    Path root;

    private Design.Running running;

    private Database start(Design design, Path folder, WriteHooks hooks) {
        running = design.start(new FileStorage(folder, CAP), hooks);
        Database database = running.database();
        database.store("alice", ALICE);
        await().until(() -> ALICE.equals(database.get("alice")));
        return database;
    }

    private Database start(Design design) {
        return start(design, root, WriteHooks.NONE);
    }

    @AfterEach
    void close() {
        running.close();
    }

    private void otherListsGoOn() {
        assertThat(running.database().get("alice")).isEqualTo(ALICE);
    }

    @ParameterizedTest
    @EnumSource(names = "SQL", mode = Mode.EXCLUDE)
    void aDirectoryALinkToDevZeroAndAFifoAreRefusedForTheirListOnly(Design design)
            throws Exception {
        var database = start(design);
        Files.createDirectory(root.resolve("dir"));
        Files.createSymbolicLink(root.resolve("zero"), Path.of("/dev/zero"));
        assertThat(new ProcessBuilder("mkfifo", root.resolve("fifo").toString()).start().waitFor())
                .isZero();

        for (String name : List.of("dir", "zero", "fifo")) {
            assertThatThrownBy(() -> database.get(name)).isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("cannot read the to-do list '" + name + "' from "
                            + root.resolve(name))
                    .hasMessageContaining("not a regular file");
        }
        otherListsGoOn();
    }

    @ParameterizedTest
    @EnumSource(names = "SQL", mode = Mode.EXCLUDE)
    void aSparseFileOverTheCapIsRefusedForItsListOnly(Design design) throws IOException {
        var database = start(design);
        try (var file = new RandomAccessFile(root.resolve("bob").toFile(), "rw")) {
            file.setLength(CAP + 1);
        }

        assertThatThrownBy(() -> database.get("bob")).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("'bob'").hasMessageContaining("is larger than " + CAP);
        otherListsGoOn();
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void aNameWithAPathFailsOnlyItsCaller(Design design) {
        var database = start(design);

        assertThatThrownBy(() -> database.get("../x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a to-do list name must not contain '/'");
        assertThatThrownBy(() -> database.store("../x", ALICE))
                .isInstanceOf(IllegalArgumentException.class);
        otherListsGoOn();
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void aListPastTheCapLeavesTheLastGoodOneOnDisk(Design design) {
        var database = start(design);
        var cache = TodoCache.start(database);
        var bob = TodoCache.serverProcess(cache, "bob");

        TodoServer.addEntry(bob, new TodoEntry(DEC_19, "Movies"));
        TodoServer.addEntry(bob, new TodoEntry(DEC_19, "x".repeat(CAP)));

        assertThat(TodoServer.entries(bob, DEC_19)).hasSize(2); // the server went on
        if (design != Design.BYPASS && design != Design.SQL) { // those throw to the server
            await().until(() -> database.writeStatus().failedWrites() == 1);
        }
        await().until(() -> onDisk(design, database, "bob") != null
                && onDisk(design, database, "bob").size() == 1); // the last good list
        otherListsGoOn();
        GenServer.stop(cache);
    }

    /** What the storage holds, past any unsaved list a design keeps in memory. */
    private TodoList onDisk(Design design, Database database, String key) {
        return design == Design.SQL
                ? database.get(key)
                : new ListStore(new FileStorage(root)).load(key);
    }

    /**
     * A disk that fails for a while: every list's writes fail, the processes go on, the lists stay
     * in their servers (and in the database, for designs 1, 3 and 4), and once the disk is back a
     * retry or the list's next store writes everything.
     */
    @ParameterizedTest
    @EnumSource(Design.class)
    void aFullDiskLosesNothingOnceItIsBack(Design design) {
        var full = new AtomicBoolean();
        var refused = new AtomicInteger();
        var database = start(design, root, new WriteHooks() {
            @Override
            public void begin(String key, byte[] bytes) {
                if (full.get()) {
                    refused.incrementAndGet();
                    throw new UncheckedIOException(new IOException("No space left on device"));
                }
            }
        });
        var cache = TodoCache.start(database);
        var bob = TodoCache.serverProcess(cache, "bob");
        full.set(true);

        TodoServer.addEntry(bob, new TodoEntry(DEC_19, "Movies"));
        TodoServer.addEntry(bob, new TodoEntry(DEC_19, "Shopping"));

        assertThat(TodoServer.entries(bob, DEC_19)).hasSize(2);
        await().until(() -> refused.get() >= 2); // 2 and 6: and the server's own retries
        if (design != Design.BYPASS && design != Design.SQL) {
            await().untilAsserted(() -> assertThat(database.writeStatus().failedWrites())
                    .as("failed writes").isEqualTo(2)); // a failure says the count it saw
        }
        if (keepsFailedWrites(design)) {
            assertThat(database.writeStatus().unsaved()).containsExactly("bob");
            assertThat(database.get("bob").size()).isEqualTo(2); // the unsaved list, from memory
            full.set(false);
            database.retry();
            await().until(() -> database.writeStatus().equals(new WriteStatus(List.of(), 2)));
        } else {
            full.set(false);
            TodoServer.addEntry(bob, new TodoEntry(DEC_19, "Dentist"));
        }
        int expected = keepsFailedWrites(design) ? 2 : 3;
        await().until(() -> database.get("bob") != null && database.get("bob").size() == expected);
        otherListsGoOn();
        GenServer.stop(cache);
    }

    /**
     * Designs 3 and 5 write one list in two processes that nothing orders: when the older write
     * fails after the newer one is on disk, its failure is counted, but the older list is not kept
     * (each store is numbered), so neither {@code get} nor a retry brings it back.
     */
    @ParameterizedTest
    @EnumSource(names = {"ONE_OFF_WORKERS", "CHECKOUT_POOL"})
    void aFailureReportedLateNeverBringsBackAnOlderList(Design design) {
        TodoList older = ALICE.addEntry(new TodoEntry(DEC_19, "Movies"));
        TodoList newer = older.addEntry(new TodoEntry(DEC_19, "Shopping"));
        var hold = Hold.writesOf(older);
        var database = start(design, root, hooks(hold).andThen(new WriteHooks() {
            @Override
            public void begin(String key, byte[] bytes) {
                if (TermCodec.decode(bytes).equals(older)) {
                    throw new UncheckedIOException(new IOException("Input/output error"));
                }
            }
        }));

        database.store("bob", older);
        await().until(() -> hold.started.contains(older));
        database.store("bob", newer);
        await().until(() -> hold.completed.contains(newer));
        hold.release();

        await().until(() -> database.writeStatus().failedWrites() == 1);
        assertThat(database.writeStatus().unsaved()).isEmpty();
        database.retry();
        assertThat(database.get("bob")).isEqualTo(newer);
        otherListsGoOn();
    }

    private static boolean keepsFailedWrites(Design design) {
        return design == Design.SINGLE_PROCESS || design == Design.ONE_OFF_WORKERS
                || design == Design.POOLED || design == Design.CHECKOUT_POOL;
    }

    @ParameterizedTest
    @EnumSource(names = "SQL", mode = Mode.EXCLUDE)
    void aFolderReplacedByAPlainFileForAWhileLosesNothing(Design design) throws IOException {
        Path folder = root.resolve("db");
        var database = start(design, folder, WriteHooks.NONE);
        var cache = TodoCache.start(database);
        var bob = TodoCache.serverProcess(cache, "bob");
        TodoServer.addEntry(bob, new TodoEntry(DEC_19, "Movies"));
        await().until(() -> database.get("bob") != null);

        Path away = root.resolve("away");
        Files.move(folder, away);
        Files.writeString(folder, "not a folder");
        TodoServer.addEntry(bob, new TodoEntry(DEC_19, "Shopping"));
        assertThat(TodoServer.entries(bob, DEC_19)).hasSize(2);
        await().until(
                () -> database.writeStatus().failedWrites() >= 1 || !keepsFailedWrites(design));
        if (keepsFailedWrites(design)) {
            assertThat(database.writeStatus().unsaved()).containsExactly("bob");
            assertThat(database.get("bob").size()).isEqualTo(2); // the unsaved list, from memory
        }
        Files.delete(folder);
        Files.move(away, folder);

        database.retry();
        // Design 3's one-off writers may overtake each other (OvertakingTest shows it): let the
        // retried write land before the next store, so that this test sees only the disk's fault.
        await().until(() -> database.writeStatus().unsaved().isEmpty());
        TodoServer.addEntry(bob, new TodoEntry(DEC_19, "Dentist"));

        await().until(() -> database.get("bob").size() == 3);
        assertThat(database.writeStatus().unsaved()).isEmpty();
        otherListsGoOn();
        GenServer.stop(cache);
    }

    @ParameterizedTest
    @EnumSource(names = "SQL", mode = Mode.EXCLUDE)
    void leftoverTemporaryFilesAreCleanedWhenTheDesignStarts(Design design) throws IOException {
        Path leftover = root.resolve(".tmp-5-6.part");
        Files.writeString(leftover, "half a list");

        start(design);

        assertThat(leftover).doesNotExist();
        assertThatThrownBy(() -> running.database().get(".tmp-5-6.part"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(names = "SQL", mode = Mode.EXCLUDE)
    void listFilesFollowTheUmask(Design design) throws IOException {
        start(design);
        Path plain = Files.createFile(root.resolve("plain"));

        assertThat(Files.getPosixFilePermissions(root.resolve("alice")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void aNullListFailsItsCallerBeforeAnythingIsSent(Design design) {
        var database = start(design);

        assertThatThrownBy(() -> database.store("bob", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'bob'");
        database.store("carol", ALICE);
        await().until(() -> ALICE.equals(database.get("carol")));
        otherListsGoOn();
    }

    @Test
    void design4sWorkerAndPoolSurviveRawMessagesAndANullKey() {
        start(Design.POOLED);
        var database = (PooledDatabase) running.database();
        var worker = database.chooseWorker("bob");

        assertThatThrownBy(() -> database.chooseWorker(null))
                .isInstanceOf(IllegalArgumentException.class);
        GenServer.cast(worker, new DatabaseWorker.Store("bob", null));
        database.store("bob", ALICE);

        await().until(() -> ALICE.equals(database.get("bob")));
        assertThat(GenServer.isAlive(worker)).isTrue();
        assertThat(database.chooseWorker("bob")).isEqualTo(worker); // the same, not a successor
        otherListsGoOn();
    }

    @ParameterizedTest
    @EnumSource(names = "SQL", mode = Mode.EXCLUDE)
    void closingOneOfTwoUsersLeavesTheDatabaseToTheOther(Design design) {
        start(design);
        try (var second = design.start(new FileStorage(root, CAP), WriteHooks.NONE)) {
            running.close(); // the first user is done; the second goes on
            second.database().store("bob", ALICE);
            await().until(() -> ALICE.equals(second.database().get("bob")));
            running.close(); // closing twice counts once
            assertThat(second.database().get("alice")).isEqualTo(ALICE);
        }
        running = design.start(new FileStorage(root, CAP), WriteHooks.NONE); // for close()
    }

    @ParameterizedTest
    @EnumSource(names = "SQL", mode = Mode.EXCLUDE)
    void theLastOfTwoUsersToCloseStopsTheDatabase(Design design) {
        var first = start(design);
        try (var second = design.start(new FileStorage(root, CAP), WriteHooks.NONE)) {
            running.close(); // the first user is done; the second goes on
            second.database().store("bob", ALICE);
            await().until(() -> ALICE.equals(second.database().get("bob")));
        }
        // The last user closed it: a store is refused aloud, not cast to a dead process, and
        // design 2, which writes in the caller, no longer writes a folder it may not own.
        assertThatThrownBy(() -> first.store("carol", ALICE))
                .isInstanceOf(design == Design.POOLED
                        ? genserver.ProcessExitException.class
                        : StorageException.class);
        assertThat(root.resolve("carol")).doesNotExist();
        running = design.start(new FileStorage(root, CAP), WriteHooks.NONE); // for close(): the
                                                                             // folder is free
    }

    @ParameterizedTest
    @EnumSource(names = "SQL", mode = Mode.EXCLUDE)
    void anotherDesignOnAFolderAlreadyServedIsRefused(Design design) {
        start(design);

        for (Design other : Design.values()) {
            if (other != design && other != Design.SQL) {
                assertThatThrownBy(() -> other.start(new FileStorage(root, CAP), WriteHooks.NONE))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("is already served by")
                        .hasMessageContaining("not by");
            }
        }
        otherListsGoOn();
    }

    @ParameterizedTest
    @EnumSource(names = "SQL", mode = Mode.EXCLUDE)
    void theRecoverOfARefusedDesignNeverRuns(Design design) throws IOException {
        start(design);
        Path inFlight = Files.writeString(root.resolve(".tmp-1-2.part"), "a write under way");

        for (Design other : Design.values()) {
            if (other != design && other != Design.SQL) {
                assertThatThrownBy(() -> other.start(new FileStorage(root, CAP), WriteHooks.NONE))
                        .isInstanceOf(IllegalStateException.class);
            }
        }
        assertThat(inFlight).exists(); // no other design's recover() deleted it
    }
}
