package todo.pooling;

import todo.Iex;
import todo.persistence.FileStorage;

/** Replays the book's 7.3.2 session against the pooled database of 7.3.5. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Iex.replay(Main::replay);
    }

    static void replay(Iex iex) {
        iex.out().println(todo.persistence.Main.persistFolder(FileStorage.DEFAULT_FOLDER));
        var database = iex.java("var database = PooledDatabase.start(FileStorage.DEFAULT_FOLDER);",
                () -> PooledDatabase.start(FileStorage.DEFAULT_FOLDER));
        todo.persistence.Main.session(iex, database);
        // The same key reaches the same worker, after the store: that get saw it.
        iex.eval("Todo.Database.choose_worker(\"bobs_list\")",
                "database.chooseWorker(\"bobs_list\");", () -> database.chooseWorker("bobs_list"));
        database.close(); // returns once the list is on disk; a next run starts its own pool
    }
}
