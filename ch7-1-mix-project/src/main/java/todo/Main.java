package todo;

import java.time.LocalDate;

/** Replays the book's section 7.1 iex session, printing each line and what it returns. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("iex> {:ok, todo_server} = Todo.Server.start()");
        var todoServer = TodoServer.start();
        System.out.println(todoServer);

        System.out.println(
                "iex> Todo.Server.add_entry(todo_server, %{date: ~D[2023-12-19], title: \"Dentist\"})");
        TodoServer.addEntry(todoServer, new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist"));
        System.out.println(":ok");

        System.out.println("iex> Todo.Server.entries(todo_server, ~D[2023-12-19])");
        System.out.println(TodoServer.entries(todoServer, LocalDate.of(2023, 12, 19)));
    }
}
