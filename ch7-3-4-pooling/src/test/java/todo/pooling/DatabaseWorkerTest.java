package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import genserver.GenServer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.Storage;
import todo.persistence.codec.TermCodec;

/** A worker against a mocked storage: the real seam beneath it. */
class DatabaseWorkerTest {
    private static final TodoList LIST = TodoList
            .of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));

    @Test
    void storeWritesTheEncodedList() {
        Storage storage = mock(Storage.class);
        when(storage.maxBytes()).thenReturn(Storage.DEFAULT_MAX_BYTES); // a mock's would be 0
        var worker = DatabaseWorker.start(storage);

        DatabaseWorker.store(worker, "bob", LIST);

        verify(storage, timeout(5_000)).write("bob", TermCodec.encode(LIST));
        GenServer.stop(worker);
    }

    @Test
    void getDecodesWhatIsStored() {
        Storage storage = mock(Storage.class);
        when(storage.read("bob")).thenReturn(TermCodec.encode(LIST));
        var worker = DatabaseWorker.start(storage);

        assertThat(DatabaseWorker.get(worker, "bob")).isEqualTo(LIST);
        GenServer.stop(worker);
    }

    @Test
    void getAnswersNullForAListNeverStored() {
        Storage storage = mock(Storage.class);
        var worker = DatabaseWorker.start(storage);

        assertThat(DatabaseWorker.get(worker, "nobody")).isNull();
        GenServer.stop(worker);
    }
}
