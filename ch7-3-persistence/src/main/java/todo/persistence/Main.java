package todo.persistence;

import java.time.LocalDate;
import todo.TodoEntry;

/**
 * Replays the book's section 7.3.2 iex session: the entry ends up in {@code ./persist/bobs_list},
 * in the format the book's own code reads. Run it twice: the second run finds the first's entry.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("iex> {:ok, cache} = Todo.Cache.start()");
        // The database of ./persist, the one TodoCache.start() would start or find; we keep a
        // handle to read it back.
        var database = TodoDatabase.start();
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

        // The database handles requests in order, so this get comes after the store above.
        System.out.println("iex> Todo.Database.get(\"bobs_list\")");
        System.out.println(database.get("bobs_list"));
    }
}
