package todo.persistence;

import todo.TodoServer;

/** Step 7.3 reaching back for the server it replaced. */
public class UsesTheOldServer {
    TodoServer server = new TodoServer();
}
