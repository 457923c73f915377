package todo.pooling;

import java.time.LocalDate;
import todo.TodoEntry;
import todo.persistence.FileStorage;
import todo.persistence.TodoCache;
import todo.persistence.TodoServer;

/** Replays the book's 7.3.2 session against the pooled database of 7.3.5. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("iex> {:ok, cache} = Todo.Cache.start()");
        var database = PooledDatabase.start(FileStorage.DEFAULT_FOLDER);
        var cache = TodoCache.start(database);
        System.out.println(cache);

        System.out.println("iex> bobs_list = Todo.Cache.server_process(cache, \"bobs_list\")");
        var bobsList = TodoCache.serverProcess(cache, "bobs_list");
        System.out.println(bobsList);

        System.out.println(
                "iex> Todo.Server.add_entry(bobs_list, %{date: ~D[2023-12-19], title: \"Dentist\"})");
        TodoServer.addEntry(bobsList, new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist"));
        System.out.println(":ok");

        System.out.println("iex> Todo.Server.entries(bobs_list, ~D[2023-12-19])");
        System.out.println(TodoServer.entries(bobsList, LocalDate.of(2023, 12, 19)));

        // The same key reaches the same worker, after the store: this get sees it.
        System.out.println("iex> Todo.Database.get(\"bobs_list\")  # served by "
                + database.chooseWorker("bobs_list"));
        System.out.println(database.get("bobs_list"));
    }
}
