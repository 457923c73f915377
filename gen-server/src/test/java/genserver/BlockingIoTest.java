package genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocking I/O bounded in time, with real files and FIFOs: a read that never ends fails its
 * caller within the limit and is ended by closing its channel; an open that never ends is let
 * through and closed; and hanging reads hold no carrier, so other virtual threads go on.
 */
class BlockingIoTest {
    private static final Duration LIMIT = Duration.ofMillis(200);

    @TempDir
    Path folder;

    private Path fifo() throws Exception {
        Path fifo = folder.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        return fifo;
    }

    /** A writer that writes nothing: opening the FIFO for reading succeeds, reading blocks. */
    private static FileChannel silentWriter(Path fifo) throws IOException {
        return FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static int readOne(FileChannel channel) throws IOException {
        return channel.read(ByteBuffer.allocate(1));
    }

    @Test
    void returnsWhatTheReadReturns() throws Exception {
        Path file = Files.write(folder.resolve("file"), new byte[]{1, 2, 3});

        long size = BlockingIo.run("the file", LIMIT, () -> FileChannel.open(file),
                FileChannel::size, null);

        assertThat(size).isEqualTo(3);
    }

    @Test
    void closesTheChannelAfterTheRead() throws Exception {
        Path file = Files.write(folder.resolve("file"), new byte[]{1, 2, 3});
        var opened = new AtomicReference<FileChannel>();

        BlockingIo.run("the file", LIMIT, () -> {
            opened.set(FileChannel.open(file));
            return opened.get();
        }, FileChannel::size, null);

        assertThat(opened.get().isOpen()).isFalse();
    }

    @Test
    void throwsWhatTheOpenThrowsAsItIs() throws Exception {
        Path file = Files.write(folder.resolve("file"), new byte[]{1});
        var denied = new AccessDeniedException(file.toString());

        assertThatThrownBy(() -> BlockingIo.run("the file", LIMIT, () -> {
            throw denied;
        }, BlockingIoTest::readOne, null)).isSameAs(denied);
    }

    @Test
    void throwsWhatTheReadThrowsAsItIs() throws Exception {
        Path file = Files.write(folder.resolve("file"), new byte[]{1});
        var refused = new IllegalStateException("refused");
        assertThatThrownBy(() -> BlockingIo.run("the file", LIMIT, () -> FileChannel.open(file),
                channel -> {
                    throw refused;
                }, null)).isSameAs(refused);
    }

    /** A read of {@code fifo}, whose writer writes nothing; what ends it goes to {@code ended}. */
    private static int hangingRead(Path fifo, List<Throwable> ended) throws Exception {
        return BlockingIo.run("the FIFO", LIMIT, () -> FileChannel.open(fifo), channel -> {
            try {
                return readOne(channel);
            } catch (IOException e) {
                ended.add(e);
                throw e;
            }
        }, null);
    }

    @Test
    void aReadThatHangsFailsWithinTheLimit() throws Exception {
        Path fifo = fifo();
        try (var writer = silentWriter(fifo)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> hangingRead(fifo, new CopyOnWriteArrayList<>()))
                    .isInstanceOf(IoTimeoutException.class)
                    .hasMessage("the FIFO did not answer within 0.2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aReadThatHangsIsEndedByClosingItsChannel() throws Exception {
        Path fifo = fifo();
        var ended = new CopyOnWriteArrayList<Throwable>();
        try (var writer = silentWriter(fifo)) {
            assertThatThrownBy(() -> hangingRead(fifo, ended))
                    .isInstanceOf(IoTimeoutException.class);

            // The writer is still open, so nothing but the close ended the read.
            await().atMost(Duration.ofSeconds(5)).until(() -> !ended.isEmpty());
            assertThat(ended).singleElement().isInstanceOf(AsynchronousCloseException.class);
        }
    }

    @Test
    void theChannelOfAnOpenThatHangsIsClosedOnceUnblockLetsItThrough() throws Exception {
        Path fifo = fifo(); // no writer: opening it for reading waits for one
        var opened = new AtomicReference<FileChannel>();

        assertThatThrownBy(() -> BlockingIo.run("the FIFO", LIMIT, () -> {
            opened.set(FileChannel.open(fifo));
            return opened.get();
        }, BlockingIoTest::readOne, () -> {
            try {
                silentWriter(fifo).close(); // the writer the open waits for
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        })).isInstanceOf(IoTimeoutException.class);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> opened.get() != null && !opened.get().isOpen());
    }

    @Test
    void hangingReadsOnMoreVirtualThreadsThanCoresHoldNoCarrier() throws Exception {
        Path fifo = fifo();
        int hanging = Runtime.getRuntime().availableProcessors() + 2;
        var answers = new CopyOnWriteArrayList<Object>();
        List<Thread> readers = new ArrayList<>();
        try (var writer = silentWriter(fifo)) {
            for (int i = 0; i < hanging; i++) {
                readers.add(Thread.ofVirtual().start(() -> {
                    try {
                        answers.add(BlockingIo.run("the FIFO", Duration.ofSeconds(30),
                                () -> FileChannel.open(fifo), BlockingIoTest::readOne, null));
                    } catch (IOException e) {
                        answers.add(e);
                    }
                })); // they end when the writer closes: the FIFO's end of file
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> readsInProgress() >= hanging);

            Thread other = Thread.ofVirtual().start(() -> answers.add("other"));

            assertThat(other.join(Duration.ofSeconds(10))).as("another virtual thread ran")
                    .isTrue();
            assertThat(answers).containsExactly("other");
        }
        for (Thread reader : readers) {
            assertThat(reader.join(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(answers).hasSize(hanging + 1).containsOnly("other", -1);
    }

    /** Threads of any kind blocked in a file channel's read right now. */
    private static long readsInProgress() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> List.of(stack).stream()
                        .anyMatch(frame -> frame.getClassName().endsWith("FileChannelImpl")
                                && frame.getMethodName().equals("read")))
                .count();
    }
}
