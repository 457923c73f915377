package todo.cache;

import java.time.LocalDate;
import todo.TodoEntry;
import todo.TodoServer;

/** Replays the book's section 7.2.1 iex session, printing each line and what it returns. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("iex> {:ok, cache} = Todo.Cache.start()");
        var cache = TodoCache.start();
        System.out.println(cache);

        for (String name : new String[]{"Bob's list", "Bob's list", "Alice's list",
                "Alice's list"}) {
            System.out.println("iex> Todo.Cache.server_process(cache, \"" + name + "\")");
            System.out.println(TodoCache.serverProcess(cache, name));
        }

        System.out.println("iex> bobs_list = Todo.Cache.server_process(cache, \"Bob's list\")");
        var bobsList = TodoCache.serverProcess(cache, "Bob's list");
        System.out.println(bobsList);

        System.out.println(
                "iex> Todo.Server.add_entry(bobs_list, %{date: ~D[2023-12-19], title: \"Dentist\"})");
        TodoServer.addEntry(bobsList, new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist"));
        System.out.println(":ok");

        System.out.println("iex> Todo.Server.entries(bobs_list, ~D[2023-12-19])");
        System.out.println(TodoServer.entries(bobsList, LocalDate.of(2023, 12, 19)));

        System.out.println(
                "iex> Todo.Cache.server_process(cache, \"Alice's list\") |> Todo.Server.entries(~D[2023-12-19])");
        System.out.println(TodoServer.entries(TodoCache.serverProcess(cache, "Alice's list"),
                LocalDate.of(2023, 12, 19)));
    }
}
