package todo;

import java.time.LocalDate;

/**
 * Replays the book's section 7.1 iex session, printing each line, the Java that runs it and what
 * it returns.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Iex.replay(Main::replay);
    }

    static void replay(Iex iex) {
        var todoServer = iex.eval("{:ok, todo_server} = Todo.Server.start()",
                "var todoServer = TodoServer.start();", () -> TodoServer.start());
        iex.run("Todo.Server.add_entry(todo_server, %{date: ~D[2023-12-19], title: \"Dentist\"})",
                "TodoServer.addEntry(todoServer, new TodoEntry(LocalDate.of(2023, 12, 19), \"Dentist\"));",
                () -> TodoServer.addEntry(todoServer,
                        new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));
        iex.eval("Todo.Server.entries(todo_server, ~D[2023-12-19])",
                "TodoServer.entries(todoServer, LocalDate.of(2023, 12, 19));",
                () -> TodoServer.entries(todoServer, LocalDate.of(2023, 12, 19)));
    }
}
