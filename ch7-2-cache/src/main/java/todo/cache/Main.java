package todo.cache;

import java.time.LocalDate;
import todo.Iex;
import todo.TodoEntry;
import todo.TodoServer;

/**
 * Replays the book's section 7.2.1 iex session, printing each line, the Java that runs it and what
 * it returns.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Iex.replay(Main::replay);
    }

    static void replay(Iex iex) {
        var cache = iex.eval("{:ok, cache} = Todo.Cache.start()", "var cache = TodoCache.start();",
                () -> TodoCache.start());
        iex.eval("Todo.Cache.server_process(cache, \"Bob's list\")",
                "TodoCache.serverProcess(cache, \"Bob's list\");",
                () -> TodoCache.serverProcess(cache, "Bob's list"));
        iex.eval("Todo.Cache.server_process(cache, \"Bob's list\")",
                "TodoCache.serverProcess(cache, \"Bob's list\");",
                () -> TodoCache.serverProcess(cache, "Bob's list"));
        iex.eval("Todo.Cache.server_process(cache, \"Alice's list\")",
                "TodoCache.serverProcess(cache, \"Alice's list\");",
                () -> TodoCache.serverProcess(cache, "Alice's list"));
        iex.eval("Todo.Cache.server_process(cache, \"Alice's list\")",
                "TodoCache.serverProcess(cache, \"Alice's list\");",
                () -> TodoCache.serverProcess(cache, "Alice's list"));
        var bobsList = iex.eval("bobs_list = Todo.Cache.server_process(cache, \"Bob's list\")",
                "var bobsList = TodoCache.serverProcess(cache, \"Bob's list\");",
                () -> TodoCache.serverProcess(cache, "Bob's list"));
        iex.run("Todo.Server.add_entry(bobs_list, %{date: ~D[2023-12-19], title: \"Dentist\"})",
                "TodoServer.addEntry(bobsList, new TodoEntry(LocalDate.of(2023, 12, 19), \"Dentist\"));",
                () -> TodoServer.addEntry(bobsList,
                        new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));
        iex.eval("Todo.Server.entries(bobs_list, ~D[2023-12-19])",
                "TodoServer.entries(bobsList, LocalDate.of(2023, 12, 19));",
                () -> TodoServer.entries(bobsList, LocalDate.of(2023, 12, 19)));
        iex.eval(
                "Todo.Cache.server_process(cache, \"Alice's list\") |> Todo.Server.entries(~D[2023-12-19])",
                "TodoServer.entries(TodoCache.serverProcess(cache, \"Alice's list\"), LocalDate.of(2023, 12, 19));",
                () -> TodoServer.entries(TodoCache.serverProcess(cache, "Alice's list"),
                        LocalDate.of(2023, 12, 19)));
    }
}
