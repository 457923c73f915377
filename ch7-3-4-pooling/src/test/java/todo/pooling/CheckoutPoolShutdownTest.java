package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import todo.pooling.safety.WriteHooks;
import static todo.pooling.HeldWrites.hooks;

import genserver.GenServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import testsupport.Hold;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.FileStorage;
import todo.persistence.ListStore;

/**
 * Design 5 under pressure: its close waits for every write it accepted (Commons Pool2's own close
 * would interrupt the writes waiting for a worker, unheard), and a flood of stores keeps as many
 * write processes alive as the pool has workers, the rest waiting in the ledger's queue.
 */
@ExtendWith(QuickPolling.class)
class CheckoutPoolShutdownTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);

    @TempDir
    Path folder;

    private final Hold hold = Hold.everyWrite();
    private Design.Running running;

    @AfterEach
    void close() {
        hold.release(); // never leave a write held behind a close
        running.close();
    }

    private static TodoList list(String title) {
        return TodoList.of(List.of(new TodoEntry(DEC_19, title)));
    }

    private TodoList onDisk(String key) {
        return new ListStore(new FileStorage(folder)).load(key);
    }

    /** Closes the design in a process of its own, and checks that the close waits meanwhile. */
    private Thread closeWhileTheWritesAreHeld() {
        Thread closer = Thread.ofVirtual().start(running::close);
        await("the close, while writes are held").during(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(5)).until(closer::isAlive);
        return closer;
    }

    @Test
    void closeWaitsUntilEveryAcceptedWriteIsOnDisk() throws InterruptedException {
        running = Design.CHECKOUT_POOL.start(folder, hooks(hold));
        List<String> keys = IntStream.range(0, 10).mapToObj(i -> "list " + i).toList();
        keys.forEach(key -> running.database().store(key, list(key)));
        await().until(() -> hold.started.size() == Design.POOL_SIZE);

        Thread closer = closeWhileTheWritesAreHeld();
        hold.release();
        closer.join();

        assertThat(keys).allSatisfy(key -> assertThat(onDisk(key)).isEqualTo(list(key)));
    }

    @Test
    void closeReportsEachAcceptedListThatCouldNotBeWrittenAsLost() throws InterruptedException {
        var records = new CopyOnWriteArrayList<LogRecord>();
        Logger log = Logger.getLogger(CheckoutPoolDatabase.class.getName() + "$Ledger");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(handler);
        try {
            running = Design.CHECKOUT_POOL.start(folder, hooks(hold).andThen(new WriteHooks() {
                @Override
                public void begin(String key, byte[] bytes) {
                    throw new UncheckedIOException(new IOException("No space left on device"));
                }
            }));
            List<String> keys = IntStream.range(0, 5).mapToObj(i -> "list " + i).toList();
            keys.forEach(key -> running.database().store(key, list(key)));
            await().until(() -> hold.started.size() == Design.POOL_SIZE);

            Thread closer = closeWhileTheWritesAreHeld();
            hold.release();
            closer.join();

            assertThat(keys).allSatisfy(key -> assertThat(records)
                    .filteredOn(r -> r.getLevel() == Level.SEVERE)
                    .extracting(LogRecord::getMessage)
                    .containsOnlyOnce("the to-do list '" + key
                            + "' was never written and is lost with the pool"));
        } finally {
            log.removeHandler(handler);
        }
    }

    /**
     * 2,000 stores while every write is held: three write processes live (one per worker), not
     * one per store. The three held writes are of lists of their own; the other stores are of 50
     * lists, so each of those lists has one write left in the queue once the writes go (the older
     * stores of it are dropped), and no older write of it can overtake its latest.
     */
    @Test
    void aFloodOfStoresKeepsOneWriteProcessPerWorker() {
        running = Design.CHECKOUT_POOL.start(folder, hooks(hold));
        int before = GenServer.processCount();
        IntStream.range(0, Design.POOL_SIZE)
                .forEach(i -> running.database().store("held " + i, list("held " + i)));
        await().until(() -> hold.started.size() == Design.POOL_SIZE);
        int stores = 2_000 - Design.POOL_SIZE;
        for (int i = 0; i < stores; i++) {
            running.database().store("list " + (i % 50), list("#" + i));
        }

        await().until(() -> running.queueLength().getAsInt() == stores);
        assertThat(GenServer.processCount() - before).isLessThanOrEqualTo(Design.POOL_SIZE);

        hold.release();
        await().until(() -> IntStream.range(stores - 50, stores)
                .allMatch(i -> list("#" + i).equals(onDisk("list " + (i % 50)))));
        assertThat(IntStream.range(0, Design.POOL_SIZE))
                .allMatch(i -> list("held " + i).equals(onDisk("held " + i)));
    }
}
