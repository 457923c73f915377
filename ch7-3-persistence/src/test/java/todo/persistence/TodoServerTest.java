package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import genserver.GenServer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import testsupport.Hold;
import todo.TodoEntry;
import todo.TodoList;

/** The to-do server against a mocked database: the seam the book's design draws. */
class TodoServerTest {
    private static final LocalDate DEC_19 = LocalDate.of(2023, 12, 19);

    @Test
    void loadsItsListOnceAtStart() {
        Database database = mock(Database.class);
        when(database.get("bob")).thenReturn(TodoList.of(List.of(new TodoEntry(DEC_19, "Stored"))));

        var server = TodoServer.start("bob", database);

        assertThat(TodoServer.entries(server, DEC_19)).extracting(TodoEntry::title)
                .containsExactly("Stored");
        TodoServer.entries(server, DEC_19);
        verify(database, times(1)).get("bob");
        GenServer.stop(server);
    }

    @Test
    void startsEmptyWhenNothingIsStored() {
        Database database = mock(Database.class);

        var server = TodoServer.start("new", database);

        assertThat(TodoServer.entries(server, DEC_19)).isEmpty();
        verify(database, never()).store(any(), any());
        GenServer.stop(server);
    }

    @Test
    void storesTheWholeListAfterEachChange() {
        Database database = mock(Database.class);
        var server = TodoServer.start("bob", database);

        TodoServer.addEntry(server, new TodoEntry(DEC_19, "Dentist"));
        TodoServer.addEntry(server, new TodoEntry(DEC_19, "Movies"));
        TodoServer.entries(server, DEC_19);

        var order = inOrder(database);
        order.verify(database).get("bob");
        order.verify(database).store(eq("bob"),
                eq(TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist")))));
        order.verify(database).store("bob",
                TodoList.of(List.of(new TodoEntry(DEC_19, "Dentist"),
                        new TodoEntry(DEC_19, "Movies"))));
        GenServer.stop(server);
    }

    @Test
    void startReturnsBeforeTheListIsLoaded() {
        var hold = Hold.everything();
        var database = TodoDatabase.start(hold.around(new InMemoryStorage()));

        var server = TodoServer.start("slow", database); // the load waits on the hold

        TodoServer.addEntry(server, new TodoEntry(DEC_19, "queued behind the load"));
        hold.release();
        await().until(() -> TodoServer.entries(server, DEC_19).size() == 1);
        GenServer.stop(server);
        database.close();
    }
}
