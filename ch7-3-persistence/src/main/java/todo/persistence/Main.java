package todo.persistence;

import genserver.GenServer;
import java.time.LocalDate;
import todo.Iex;
import todo.TodoEntry;

/**
 * Replays the book's section 7.3.2 iex session: the entry ends up in {@code ./persist/bobs_list},
 * in the format the book's own code reads. Run it twice: the second run finds the first's entry.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        replay(new Iex(System.out));
    }

    static void replay(Iex iex) {
        // The database of ./persist, the one TodoCache.start() would start or find; we keep a
        // handle to read it back.
        try (var database = TodoDatabase.start()) {
            session(iex, database);
        }
    }

    /** The 7.3.2 session against {@code database}; step 7.3.4 replays it against its pool. */
    public static void session(Iex iex, Database database) {
        var cache = iex.eval("{:ok, cache} = Todo.Cache.start()", () -> TodoCache.start(database));
        var bobsList = iex.eval("bobs_list = Todo.Cache.server_process(cache, \"bobs_list\")",
                () -> TodoCache.serverProcess(cache, "bobs_list"));
        iex.run("Todo.Server.add_entry(bobs_list, %{date: ~D[2023-12-19], title: \"Dentist\"})",
                () -> TodoServer.addEntry(bobsList,
                        new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));
        iex.eval("Todo.Server.entries(bobs_list, ~D[2023-12-19])",
                () -> TodoServer.entries(bobsList, LocalDate.of(2023, 12, 19)));
        // The database serves one list's requests in order, so this get comes after the store.
        iex.eval("Todo.Database.get(\"bobs_list\")", () -> database.get("bobs_list"));
        GenServer.stop(cache); // and its servers with it: the session leaves no process behind
    }
}
