package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import genserver.GenServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.codec.TermCodec;

/**
 * Files that never answer, for real: a link to {@code /proc/kmsg} (a "regular file" of size 0
 * whose read waits for the kernel's next message), a file under another process's lease (its
 * open waits up to {@code lease-break-time}, 45 s), a FIFO swapped in after the type check. Each
 * fails its own list within the read limit, with the list and the file named, and every other
 * list, and every other process, goes on.
 */
class HangingFileTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);
    private static final TodoList ALICE = TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")));
    private static final TodoList ONE = TodoList.of(List.of(new TodoEntry(DEC_19, "Movies")));
    private static final int CAP = 64 << 10;
    private static final Duration LIMIT = Duration.ofMillis(200);
    private static final Path KMSG = Path.of("/proc/kmsg");

    @TempDir
    Path root;
    Path folder;
    FileStorage files;
    TodoDatabase database;

    @BeforeEach
    void start() {
        folder = root.resolve("db");
        files = new FileStorage(folder, CAP, LIMIT);
        database = TodoDatabase.start(files, UnaryOperator.identity());
        database.store("alice", ALICE);
        assertThat(database.writeStatus().unsaved()).isEmpty();
    }

    @AfterEach
    void stop() {
        database.close();
    }

    private void otherListsGoOn() {
        assertThat(database.get("alice")).isEqualTo(ALICE);
        assertThat(GenServer.isAlive(database.pid())).isTrue();
    }

    private static void assumeKmsgIsReadable() {
        assumeThat(Files.isReadable(KMSG))
                .as("reading /proc/kmsg needs root (CAP_SYSLOG); this runs as "
                        + System.getProperty("user.name"))
                .isTrue();
    }

    private String fileOf(String key) {
        return folder.resolve(key).toString();
    }

    @Test
    void aLinkToProcKmsgLeavesTheProcessServingTheOtherLists() throws IOException {
        assumeKmsgIsReadable();
        Files.createSymbolicLink(folder.resolve("bob"), KMSG);

        assertThatThrownBy(() -> database.get("bob")).isInstanceOf(StorageException.class);
        otherListsGoOn();
    }

    @Test
    void aLinkToProcKmsgFailsItsListWithinTheLimit() throws IOException {
        assumeKmsgIsReadable();
        Files.createSymbolicLink(folder.resolve("bob"), KMSG);

        long start = System.nanoTime();
        assertThatThrownBy(() -> database.get("bob")).isInstanceOf(StorageException.class)
                .hasMessage("cannot read the to-do list 'bob' from " + fileOf("bob")
                        + ": the file did not answer within 0.2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    /**
     * Design 2's way, a read in each caller's own process: two hanging reads at once would hold
     * both carriers of a two-core machine, and no virtual thread would run again.
     */
    @Test
    void twoHangingReadsAtOnceLeaveTheCarriersToEveryOtherProcess() throws Exception {
        assumeKmsgIsReadable();
        var slow = new ListStore(new FileStorage(folder, CAP, Duration.ofSeconds(1)));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            keys.add("hanging" + i);
            Files.createSymbolicLink(folder.resolve("hanging" + i), KMSG);
        }
        var failures = new CopyOnWriteArrayList<String>();
        List<Thread> readers = keys.stream().map(key -> Thread.ofVirtual().start(() -> {
            try {
                slow.load(key);
            } catch (StorageException e) {
                failures.add(e.getMessage());
            }
        })).toList();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> readsInProgress(readers) >= readers.size());

        var served = new CopyOnWriteArrayList<TodoList>();
        Thread other = Thread.ofVirtual().start(() -> served.add(database.get("alice")));

        assertThat(other.join(Duration.ofSeconds(10))).as("another process ran").isTrue();
        assertThat(served).containsExactly(ALICE);
        assertThat(readers).as("while the reads still hang").allMatch(Thread::isAlive);
        for (Thread reader : readers) {
            assertThat(reader.join(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(failures).hasSize(keys.size())
                .allMatch(message -> message.endsWith("the file did not answer within 1 s"));
    }

    /**
     * Threads blocked in a file channel's read: the platform threads that read for a process,
     * or the {@code readers} themselves if they read in their own thread.
     */
    private static long readsInProgress(List<Thread> readers) {
        return Stream.concat(Thread.getAllStackTraces().values().stream(),
                readers.stream().map(Thread::getStackTrace))
                .filter(stack -> inFrame(stack, "FileChannelImpl", "read")).count();
    }

    private static boolean inFrame(StackTraceElement[] stack, String classSuffix, String method) {
        return Stream.of(stack).anyMatch(frame -> frame.getClassName().endsWith(classSuffix)
                && frame.getMethodName().equals(method));
    }

    /** Platform threads of {@code BlockingIo} blocked in opening a file. */
    private static long opensInProgress() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("genserver-blocking-io-"))
                .filter(e -> inFrame(e.getValue(), "UnixNativeDispatcher", "open0")).count();
    }

    /**
     * Another process holding a lease ({@code F_RDLCK} or {@code F_WRLCK}) on {@code file}, and
     * ignoring the kernel's signal to give it up, as a slow or hung holder does.
     */
    private static Process leaseHolder(Path file, String lease) throws IOException {
        String script = """
                import fcntl, os, signal, sys, time
                signal.signal(signal.SIGIO, signal.SIG_IGN)
                fd = os.open(sys.argv[1], os.O_RDONLY if sys.argv[2] == "F_RDLCK" else os.O_WRONLY)
                fcntl.fcntl(fd, 1024, getattr(fcntl, sys.argv[2]))  # F_SETLEASE
                print("held", flush=True)
                time.sleep(60)
                """;
        Process holder;
        try {
            holder = new ProcessBuilder("python3", "-c", script, file.toString(), lease)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new TestAbortedException("python3 takes the lease and cannot be started: " + e);
        }
        var out = new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (!"held".equals(first)) {
            holder.destroyForcibly();
            assumeThat(first).as("the lease could not be taken here").isEqualTo("held");
        }
        return holder;
    }

    private static void release(Process holder) throws InterruptedException {
        holder.destroyForcibly();
        holder.waitFor();
    }

    @Test
    void aFileUnderAReadLeaseIsReadAtOnce() throws Exception {
        Files.write(folder.resolve("bob"), TermCodec.encode(ONE));
        Process holder = leaseHolder(folder.resolve("bob"), "F_RDLCK");
        try {
            // A read-write open would wait for the holder to give the lease up (up to 45 s).
            assertThat(database.get("bob")).isEqualTo(ONE);
            assertThat(holder.isAlive()).as("the lease was not broken").isTrue();
        } finally {
            release(holder);
        }
    }

    @Test
    void aFileWhoseOpenWaitsForAWriteLeaseFailsItsListWithinTheLimit() throws Exception {
        Files.write(folder.resolve("bob"), TermCodec.encode(ONE));
        Process holder = leaseHolder(folder.resolve("bob"), "F_WRLCK");
        try {
            assertThatThrownBy(() -> database.get("bob")).isInstanceOf(StorageException.class)
                    .hasMessage("cannot read the to-do list 'bob' from " + fileOf("bob")
                            + ": the file did not answer within 0.2 s");
            otherListsGoOn();
        } finally {
            release(holder);
        }
        // The lease gone, the open that waited for it ends, and what it opened is closed.
        await().atMost(Duration.ofSeconds(10)).until(() -> opensInProgress() == 0);
        assertThat(database.get("bob")).isEqualTo(ONE);
    }

    @Test
    void aFifoSwappedInAfterTheCheckWithoutAWriterFailsWithinTheLimit() throws Exception {
        Path fifo = folder.resolve("bob");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        // What read() meets once the type check has passed: opening a FIFO for reading waits
        // for a writer.
        assertThatThrownBy(() -> files.read(fifo, false)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read " + fifo + ": the file did not answer within 0.2 s");
    }

    @Test
    void theOpenOfAFifoSwappedInAfterTheCheckWithoutAWriterIsLetGo() throws Exception {
        Path fifo = folder.resolve("bob");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> files.read(fifo, false)).isInstanceOf(UncheckedIOException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> opensInProgress() == 0);
    }
}
