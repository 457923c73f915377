package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import genserver.GenServer;
import genserver.Pid;
import genserver.ProcessExitException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.codec.TermCodec;
import todo.persistence.safety.ListNames;
import todo.persistence.safety.PendingWrites;
import todo.persistence.safety.WriteStatus;

/**
 * Issue 11's faults against the database of 7.3, with real files, FIFOs and links: each fails the
 * request of its own list with an error naming the list and the file, and the process goes on
 * serving every other list.
 */
class DatabaseFaultTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);
    private static final TodoList ALICE = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));
    private static final TodoList ONE = TodoList.of(List.of(new TodoEntry(DEC_19, "Movies")));
    private static final TodoList TWO = ONE.addEntry(new TodoEntry(DEC_19, "Shopping"));
    /** The database's cap on one list: small, so that testing it costs kilobytes. */
    private static final int CAP = 64 << 10;

    @TempDir
    Path root;
    Path folder;
    TodoDatabase database;

    @BeforeEach
    void start() {
        folder = root.resolve("db");
        database = TodoDatabase.start(new FileStorage(folder, CAP), UnaryOperator.identity());
        database.store("alice", ALICE);
        assertThat(database.writeStatus().unsaved()).isEmpty(); // a call: after the store
    }

    @AfterEach
    void stop() {
        database.close();
    }

    /** The list next door is still served, by the same live process. */
    private void otherListsGoOn() {
        assertThat(database.get("alice")).isEqualTo(ALICE);
        assertThat(GenServer.isAlive(database.pid())).isTrue();
    }

    private String bob() {
        return folder.resolve("bob").toString();
    }

    @Test
    void aDirectoryIsNotAList() throws IOException {
        Files.createDirectory(folder.resolve("bob"));

        assertThatThrownBy(() -> database.get("bob")).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot read the to-do list 'bob' from " + bob())
                .hasMessageContaining("not a regular file");
        otherListsGoOn();
    }

    @Test
    void aLinkToDevZeroIsRefusedWithoutReadingIt() throws IOException {
        Files.createSymbolicLink(folder.resolve("bob"), Path.of("/dev/zero"));

        assertThatThrownBy(() -> database.get("bob")).isInstanceOf(StorageException.class)
                .hasMessageContaining("'bob'").hasMessageContaining("not a regular file");
        otherListsGoOn();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFifoIsRefusedBeforeItIsOpened(boolean throughALink) throws Exception {
        Path fifo = throughALink ? root.resolve("fifo") : folder.resolve("bob");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        if (throughALink) {
            Files.createSymbolicLink(folder.resolve("bob"), fifo);
        }

        // Opening a FIFO for reading would block until a writer came: this answers at once.
        assertThatThrownBy(() -> database.get("bob")).isInstanceOf(StorageException.class)
                .hasMessageContaining("not a regular file");
        otherListsGoOn();
    }

    @Test
    void anUnreadableFileFailsItsListOnly() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root reads any file").isNotEqualTo("root");
        Files.write(folder.resolve("bob"), TermCodec.encode(ONE));
        Files.setPosixFilePermissions(folder.resolve("bob"),
                PosixFilePermissions.fromString("---------"));

        assertThatThrownBy(() -> database.get("bob")).isInstanceOf(StorageException.class)
                .hasMessageContaining("'bob'").hasMessageContaining(bob());
        otherListsGoOn();
    }

    @Test
    void aDiskThatRefusesToReadFailsThatListOnly() {
        var broken = new Storage() {
            final Storage files = new FileStorage(folder);

            @Override
            public void write(String key, byte[] bytes) {
                files.write(key, bytes);
            }

            @Override
            public byte[] read(String key) {
                if (key.equals("bob")) {
                    throw new UncheckedIOException("cannot read " + locationOf(key),
                            new AccessDeniedException(locationOf(key)));
                }
                return files.read(key);
            }

            @Override
            public String locationOf(String key) {
                return files.locationOf(key);
            }
        };
        var unreadable = TodoDatabase.start(broken);

        assertThatThrownBy(() -> unreadable.get("bob")).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot read the to-do list 'bob' from " + bob())
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThat(unreadable.get("alice")).isEqualTo(ALICE);
        GenServer.stop(unreadable.pid());
    }

    @Test
    void aSparseFileOverTheCapIsRefusedWithoutReadingIt() throws IOException {
        sparseFile(folder.resolve("bob"), CAP + 1);

        assertThatThrownBy(() -> database.get("bob")).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("'bob'")
                .hasMessageContaining("is larger than " + CAP + " bytes");
        otherListsGoOn();
    }

    /** A file of {@code length} bytes, all a hole: nothing allocated on disk. */
    private static void sparseFile(Path file, long length) throws IOException {
        try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    /** The cap's edge: a file of exactly the cap is read (and is no list). */
    @Test
    void aFileOfExactlyTheCapIsRead() throws IOException {
        Files.write(folder.resolve("bob"), new byte[CAP]);

        assertThatThrownBy(() -> database.get("bob")).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("'bob'").hasMessageNotContaining("is larger than");
        otherListsGoOn();
    }

    /** The cap's edge: one byte more than the cap is not read. */
    @Test
    void aFileOneByteOverTheCapIsNotRead() throws IOException {
        Files.write(folder.resolve("carol"), new byte[CAP + 1]);

        assertThatThrownBy(() -> database.get("carol")).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("'carol'")
                .hasMessageContaining("is larger than " + CAP + " bytes");
        otherListsGoOn();
    }

    /** Without a cap of its own, a folder's files are capped at 64 MiB (a hole: nothing built). */
    @Test
    void theDefaultCapIs64MiB() throws IOException {
        Path other = root.resolve("default");
        var files = new FileStorage(other);
        assertThat(files.maxBytes()).isEqualTo(64L << 20).isEqualTo(Storage.DEFAULT_MAX_BYTES);
        sparseFile(other.resolve("bob"), (64L << 20) + 1);
        var byDefault = TodoDatabase.start(other);
        try {
            assertThatThrownBy(() -> byDefault.get("bob")).isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining("is larger than " + (64L << 20) + " bytes");
        } finally {
            GenServer.stop(byDefault.pid());
        }
    }

    @Test
    void aListThatGrowsPastTheCapStaysUnsavedOverTheLastGoodFile() throws IOException {
        database.store("bob", ONE);
        await().until(() -> Files.exists(folder.resolve("bob")));
        byte[] lastGood = Files.readAllBytes(folder.resolve("bob"));
        TodoList tooLarge = ONE.addEntry(new TodoEntry(DEC_19, "x".repeat(CAP)));

        database.store("bob", tooLarge);

        assertThat(database.writeStatus()).isEqualTo(new WriteStatus(List.of("bob"), 1));
        assertThat(database.get("bob")).isEqualTo(tooLarge); // unsaved, kept in memory
        assertThat(Files.readAllBytes(folder.resolve("bob"))).isEqualTo(lastGood);
        assertThat(TermCodec.decode(lastGood)).isEqualTo(ONE);
        otherListsGoOn();
    }

    @Test
    void aNameThatIsNotAPlainFileNameFailsOnlyItsCaller() {
        assertThatThrownBy(() -> database.get("../x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a to-do list name must not contain '/'");
        assertThatThrownBy(() -> database.store("../x", ONE))
                .isInstanceOf(IllegalArgumentException.class);
        otherListsGoOn();
    }

    @Test
    void aNameTheFileSystemCannotEncodeIsRefusedBeforeAnyProcessStarts() {
        var cache = TodoCache.start(database);
        int processes = GenServer.processCount();

        assertThatThrownBy(() -> TodoCache.serverProcess(cache, "bad\uD800"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a to-do list name must be a file name this JVM can encode in "
                        + ListNames.FILE_NAMES + " (sun.jnu.encoding, from LANG): bad\\uD800");
        assertThat(GenServer.processCount()).isEqualTo(processes);
        assertThatThrownBy(() -> database.get("bad\uD800"))
                .isInstanceOf(IllegalArgumentException.class);
        otherListsGoOn();
        GenServer.stop(cache);
    }

    @Test
    void aNonAsciiNameIsRefusedWhereFileNamesAreAscii() {
        assertThatThrownBy(() -> ListNames.requireValid("café", StandardCharsets.US_ASCII))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(
                        "encode in US-ASCII (sun.jnu.encoding, from LANG): caf\\u00E9");
        assertThat(ListNames.requireValid("cafe", StandardCharsets.US_ASCII)).isEqualTo("cafe");
    }

    /** The child JVM, started under {@code LANG=C}: asks its cache for a non-ASCII list. */
    public static void main(String[] args) {
        var cache = TodoCache.start(TodoDatabase.start(Path.of(args[0])));
        try {
            TodoCache.serverProcess(cache, "café");
            System.out.println("accepted");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        System.exit(0);
    }

    @Test
    void underLangCaNonAsciiNameIsRefusedBeforeAnyFileIsMade() throws Exception {
        var child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), DatabaseFaultTest.class.getName(),
                root.resolve("c").toString());
        child.environment().put("LANG", "C");
        child.environment().put("LC_ALL", "C");
        child.redirectErrorStream(true);
        var process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();

        assertThat(output)
                .contains("a to-do list name must be a file name this JVM can encode in US-ASCII");
        try (var files = Files.list(root.resolve("c"))) { // the folder's owner file aside
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsOnly(FileStorage.OWNER_FILE);
        }
    }

    /** Bob stored twice on a full disk. */
    private TodoDatabase twoStoresOnAFullDisk(FailingDisk disk) {
        var full = TodoDatabase.start(disk);
        disk.fail(new IOException("No space left on device"));
        full.store("bob", ONE);
        full.store("bob", TWO);
        assertThat(full.writeStatus().failedWrites()).isEqualTo(2); // a call: both stores ran
        return full;
    }

    @Test
    void aFullDiskKeepsTheListUnsaved() {
        var full = twoStoresOnAFullDisk(new FailingDisk(new FileStorage(folder.resolve("full"))));
        try {
            assertThat(full.writeStatus()).isEqualTo(new WriteStatus(List.of("bob"), 2));
            assertThat(full.get("bob")).isEqualTo(TWO); // the newest, from memory
            assertThat(GenServer.isAlive(full.pid())).isTrue();
        } finally {
            GenServer.stop(full.pid());
        }
    }

    @Test
    void aFullDiskIsLoggedOnce() {
        try (var log = LogRecords.of(PendingWrites.class)) {
            var full = twoStoresOnAFullDisk(
                    new FailingDisk(new FileStorage(folder.resolve("full"))));
            try {
                assertThat(log.messages()).singleElement().asString()
                        .startsWith("cannot write the to-do list 'bob' to "
                                + folder.resolve("full").resolve("bob"))
                        .contains("No space left on device");
            } finally {
                GenServer.stop(full.pid());
            }
        }
    }

    @Test
    void aFullDiskLosesNothingOnceItIsBack() {
        var disk = new FailingDisk(new FileStorage(folder.resolve("full")));
        var full = twoStoresOnAFullDisk(disk);
        try {
            disk.heal();
            full.retry();

            assertThat(full.writeStatus()).isEqualTo(new WriteStatus(List.of(), 2));
            assertThat(new ListStore(new FileStorage(folder.resolve("full"))).load("bob"))
                    .isEqualTo(TWO);
        } finally {
            GenServer.stop(full.pid());
        }
    }

    @Test
    void theNextStoreOfAnyListWritesTheUnsavedOnesOnceTheDiskIsBack() {
        var disk = new FailingDisk(new FileStorage(folder.resolve("full")));
        var full = TodoDatabase.start(disk);
        disk.fail(new IOException("No space left on device"));
        full.store("bob", TWO);
        disk.heal();

        full.store("carol", ONE);

        assertThat(full.writeStatus().unsaved()).isEmpty();
        var files = new ListStore(new FileStorage(folder.resolve("full")));
        assertThat(files.load("bob")).isEqualTo(TWO);
        assertThat(files.load("carol")).isEqualTo(ONE);
        GenServer.stop(full.pid());
    }

    @Test
    void aFolderReplacedByAPlainFileForAWhileLosesNothing() throws IOException {
        Path away = root.resolve("away");
        Files.move(folder, away);
        Files.writeString(folder, "not a folder");

        database.store("bob", TWO);
        assertThat(database.writeStatus()).isEqualTo(new WriteStatus(List.of("bob"), 1));
        assertThat(database.get("bob")).isEqualTo(TWO);

        Files.delete(folder);
        Files.move(away, folder);
        database.retry();

        assertThat(database.writeStatus().unsaved()).isEmpty();
        assertThat(TermCodec.decode(Files.readAllBytes(folder.resolve("bob")))).isEqualTo(TWO);
        otherListsGoOn();
    }

    @Test
    void leftoverTemporaryFilesAreCleanedAtStart() throws IOException {
        Path other = root.resolve("crashed");
        Files.createDirectories(other);
        Path leftover = other.resolve(".tmp-1f-2e.part");
        Files.write(leftover, TermCodec.encode(ONE));

        var restarted = TodoDatabase.start(other);

        assertThat(leftover).doesNotExist();
        GenServer.stop(restarted.pid());
    }

    @Test
    void aTemporaryFileIsNeverAList() throws IOException {
        Path other = root.resolve("crashed");
        Files.createDirectories(other);
        Files.write(other.resolve(".tmp-1f-2e.part"), TermCodec.encode(ONE));

        var restarted = TodoDatabase.start(other);

        assertThatThrownBy(() -> restarted.get(".tmp-1f-2e.part"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("temporary files");
        GenServer.stop(restarted.pid());
    }

    @Test
    void aListFileFollowsTheUmaskAsTheBooksFileWriteDoes() throws IOException {
        database.store("bob", ONE);
        await().until(() -> Files.exists(folder.resolve("bob")));
        Path plain = Files.createFile(root.resolve("plain")); // what the umask gives

        assertThat(Files.getPosixFilePermissions(folder.resolve("bob")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aServerThatDiedIsReplacedOnTheNextRequestForItsList() throws IOException {
        Files.createDirectory(folder.resolve("bob"));
        var cache = TodoCache.start(database);
        var bob = TodoCache.serverProcess(cache, "bob");

        // Its list cannot be loaded: it ends, and its caller hears why at once, not by timeout.
        assertThatThrownBy(() -> TodoServer.entries(bob, DEC_19))
                .isInstanceOf(ProcessExitException.class)
                .hasMessageContaining("cannot read the to-do list 'bob' from " + bob());
        Files.delete(folder.resolve("bob"));

        var again = TodoCache.serverProcess(cache, "bob");
        assertThat(again).isNotEqualTo(bob);
        assertThat(TodoServer.entries(again, DEC_19)).isEmpty();
        assertThat(TodoServer.entries(TodoCache.serverProcess(cache, "alice"), DEC_19))
                .containsExactlyElementsOf(ALICE.entries(DEC_19));
        GenServer.stop(cache);
    }

    private static final StorageException DISK_FULL = new StorageException(
            "cannot write the to-do list 'bob' to /full/bob: "
                    + "No space left on device; what was stored before stays",
            null);

    /** A database that writes in its caller, whose first two stores of bob throw. */
    private static Database failingTwice() {
        Database writesInTheCaller = mock(Database.class);
        doThrow(DISK_FULL).doThrow(DISK_FULL).doNothing()
                .when(writesInTheCaller).store(eq("bob"), any());
        return writesInTheCaller;
    }

    /** Bob's server, after three changes: the first two stores threw. */
    private static Pid<TodoServer.Request> threeChanges(Database database) {
        var bob = TodoServer.start("bob", database);
        for (String title : List.of("Movies", "Shopping", "Dentist")) {
            TodoServer.addEntry(bob, new TodoEntry(DEC_19, title));
        }
        return bob;
    }

    @Test
    void aServerWhoseStoreThrowsGoesOn() {
        var bob = threeChanges(failingTwice());

        assertThat(TodoServer.entries(bob, DEC_19)).hasSize(3);
        GenServer.stop(bob);
    }

    @Test
    void aServerWhoseStoreThrowsLogsOnce() {
        try (var log = LogRecords.of(TodoServer.class)) {
            var bob = threeChanges(failingTwice());
            TodoServer.entries(bob, DEC_19); // a call: after the three changes

            assertThat(log.messages()).filteredOn(m -> m.startsWith("cannot write"))
                    .singleElement().asString().startsWith(DISK_FULL.getMessage());
            GenServer.stop(bob);
        }
    }

    @Test
    void aServerWhoseStoreThrowsStoresAgainWithItsNextChange() {
        Database writesInTheCaller = failingTwice();
        try (var log = LogRecords.of(TodoServer.class)) {
            var bob = threeChanges(writesInTheCaller);
            TodoServer.entries(bob, DEC_19); // a call: after the three changes

            assertThat(log.messages()).contains("the to-do list 'bob' is stored again");
            var stored = ArgumentCaptor.forClass(TodoList.class);
            verify(writesInTheCaller, times(3))
                    .store(eq("bob"), stored.capture());
            assertThat(stored.getValue().size()).isEqualTo(3); // the last store has every entry
            GenServer.stop(bob);
        }
    }

    @Test
    void aNullListFailsItsCallerBeforeAnythingIsSent() {
        assertThatThrownBy(() -> database.store("bob", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'bob'");
        assertThat(database.writeStatus().failedWrites()).isZero(); // nothing reached the process
        otherListsGoOn();
    }

    @Test
    void aNullListSentRawKillsNothing() {
        // The second line of defence: the same null list as a raw message. It fails that write
        // only: the write after it, of another list, still lands.
        try (var log = LogRecords.of(PendingWrites.class)) {
            GenServer.cast(database.pid(), new TodoDatabase.Store("bob", null));
            database.store("carol", ONE);

            assertThat(database.get("carol")).isEqualTo(ONE);
            assertThat(log.messages()).anyMatch(m -> m.contains("'bob'"));
        }
        assertThat(database.writeStatus().failedWrites()).isEqualTo(1);
        otherListsGoOn();
    }

    @Test
    void encodingAListPastTheCapStopsAtTheCap() {
        TodoList huge = ONE.addEntry(new TodoEntry(DEC_19, "x".repeat(CAP)));

        assertThatThrownBy(() -> TermCodec.encode(huge, CAP))
                .isInstanceOf(TermCodec.TooLargeException.class)
                .hasMessageContaining("larger than the cap of " + CAP);
    }

    @Test
    void aListPastTheCapIsNotRetriedWithOtherListsStores() {
        TodoList huge = ONE.addEntry(new TodoEntry(DEC_19, "x".repeat(CAP)));

        database.store("bob", ONE);
        database.store("bob", huge);
        assertThat(database.writeStatus()).isEqualTo(new WriteStatus(List.of("bob"), 1));
        for (int i = 0; i < 20; i++) {
            database.store("carol", ONE);
        }

        // Twenty other stores later, still one failure: bob was not encoded again with each.
        assertThat(database.writeStatus()).isEqualTo(new WriteStatus(List.of("bob"), 1));
        assertThat(database.get("bob")).isEqualTo(huge); // kept, as unsaved
        assertThat(new ListStore(new FileStorage(folder)).load("bob")).isEqualTo(ONE);
        database.store("bob", TWO); // its own next store writes it
        assertThat(database.writeStatus()).isEqualTo(new WriteStatus(List.of(), 1));
        assertThat(new ListStore(new FileStorage(folder)).load("bob")).isEqualTo(TWO);
    }

    @Test
    void aWriteThatFailsAfterItsTemporaryFileIsCreatedLeavesNoTemporaryFile() throws Exception {
        Path full = root.resolve("full");
        String java = ProcessHandle.current().info().command().orElse("java");
        // A real write failure past the temporary file's creation: the kernel's file size limit
        // (8 blocks) fails the 100 KB write as a full disk does, with the file half written.
        var child = new ProcessBuilder("bash", "-c", "ulimit -f 8; exec \"$0\" \"$@\"", java, "-cp",
                System.getProperty("java.class.path"), WriteUnderAFileSizeLimit.class.getName(),
                full.toString());
        child.redirectErrorStream(true);
        var process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();

        assertThat(output).contains("failed: File too large");
        try (var left = Files.list(full)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFifoThatPassedTheTypeCheckIsRefusedAtOpenWithoutBlocking() throws Exception {
        Path fifo = folder.resolve("bob");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        // What read() does once the type check has passed: a FIFO swapped in meanwhile, once it
        // has a writer, is opened without waiting and refused before a byte is read. (Without a
        // writer its open waits, bounded: HangingFileTest.)
        try (var writer = java.nio.channels.FileChannel.open(fifo,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThatThrownBy(() -> FileStorage.open(fifo))
                            .isInstanceOf(FileSystemException.class)
                            .hasMessageContaining("swapped for a FIFO"));
        }
    }
}
