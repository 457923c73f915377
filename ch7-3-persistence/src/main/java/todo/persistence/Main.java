package todo.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import todo.Iex;
import todo.TodoEntry;
import todo.persistence.safety.ListNames;

/**
 * Replays the book's section 7.3.2 iex session: the entry ends up in {@code ./persist/bobs_list},
 * in the format the book's own code reads. Run it twice: the second run finds the first's entry.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Iex.replay(Main::replay);
    }

    static void replay(Iex iex) {
        iex.out().println(persistFolder(FileStorage.DEFAULT_FOLDER));
        // The book's Todo.Cache.start() starts the database of ./persist; here the cache is handed
        // it, and the session keeps a handle to read the list back.
        var database = iex.java("var database = TodoDatabase.start();", () -> TodoDatabase.start());
        session(iex, database);
        database.close(); // returns once the list is on disk; a next run starts its own database
    }

    /** The 7.3.2 session against {@code database}; step 7.3.4 replays it against its pool. */
    public static void session(Iex iex, Database database) {
        var cache = iex.eval("{:ok, cache} = Todo.Cache.start()",
                "var cache = TodoCache.start(database);", () -> TodoCache.start(database));
        var bobsList = iex.eval("bobs_list = Todo.Cache.server_process(cache, \"bobs_list\")",
                "var bobsList = TodoCache.serverProcess(cache, \"bobs_list\");",
                () -> TodoCache.serverProcess(cache, "bobs_list"));
        iex.run("Todo.Server.add_entry(bobs_list, %{date: ~D[2023-12-19], title: \"Dentist\"})",
                "TodoServer.addEntry(bobsList, new TodoEntry(LocalDate.of(2023, 12, 19), \"Dentist\"));",
                () -> TodoServer.addEntry(bobsList,
                        new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));
        iex.eval("Todo.Server.entries(bobs_list, ~D[2023-12-19])",
                "TodoServer.entries(bobsList, LocalDate.of(2023, 12, 19));",
                () -> TodoServer.entries(bobsList, LocalDate.of(2023, 12, 19)));
        // The database serves one list's requests in order, so this get comes after the store.
        iex.eval("Todo.Database.get(\"bobs_list\")", "database.get(\"bobs_list\");",
                () -> database.get("bobs_list"));
    }

    /**
     * The line this step's demo and its JShell print first: the folder they both write (the
     * module's {@code target/persist}, as both run there) and the lists already in it, so that a
     * list one of them left is no surprise to the other.
     */
    public static String persistFolder(Path folder) {
        String line = "persist folder: " + folder.toAbsolutePath().normalize();
        long lists;
        try (Stream<Path> files = Files.list(folder)) {
            lists = files.filter(Files::isRegularFile).filter(
                    file -> !file.getFileName().toString().startsWith(ListNames.TEMPORARY_PREFIX))
                    .count();
        } catch (NoSuchFileException e) {
            lists = 0;
        } catch (IOException e) {
            return line + " (cannot list it: " + ListStore.reason(e) + ")";
        }
        return line + (lists == 0
                ? " (no lists yet; this step's demo and JShell both use it)"
                : " (" + lists + (lists == 1 ? " list" : " lists")
                        + " from an earlier run of this step's demo or JShell, which both use it)");
    }
}
