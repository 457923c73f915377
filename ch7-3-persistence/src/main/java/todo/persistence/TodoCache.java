package todo.persistence;

import genserver.Call;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.ProcessExitException;
import genserver.Result;
import java.util.HashMap;
import java.util.Map;
import todo.persistence.safety.ListNames;

/**
 * The book's {@code Todo.Cache} of section 7.3: as in step 7.2, but it starts the database, and
 * starts each to-do server with its list's name so that the server can load and store it.
 *
 * <p>Where a supervisor would restart a server that died (a list that could not be loaded, or a
 * bug), this cache notices on the next request for that list and starts a new server; the dead
 * one's callers got its error at once (a call to a dead process fails, it does not time out).
 */
public final class TodoCache
        implements GenServer<Map<String, Pid<TodoServer.Request>>, TodoCache.Request> {

    /** The cache's protocol. */
    public sealed interface Request permits ServerProcess {}

    /** A call, answered with the server of the named list, started if need be. */
    public record ServerProcess(String name) implements Request, Call<Pid<TodoServer.Request>> {}

    private final Database database;

    private TodoCache(Database database) {
        this.database = database;
    }

    // ---- interface functions: run in the caller ----

    /**
     * {@code Todo.Cache.start()}: with the database of {@code ./persist}, as in the book; a
     * second cache uses the database the first one started.
     */
    public static Pid<Request> start() {
        return start(TodoDatabase.start());
    }

    /** A cache whose servers use the given database (step 7.3.4 passes its own). */
    public static Pid<Request> start(Database database) {
        return GenServer.start(new TodoCache(database));
    }

    /**
     * {@code Todo.Cache.server_process/2}.
     *
     * @throws IllegalArgumentException if the name cannot be a file name; no process or file is made
     */
    public static Pid<TodoServer.Request> serverProcess(Pid<Request> cache, String name) {
        return GenServer.call(cache, new ServerProcess(ListNames.requireValid(name)));
    }

    // ---- callbacks: run in the cache process ----

    @Override
    public Result<Map<String, Pid<TodoServer.Request>>> init() {
        return Result.ok(new HashMap<>());
    }

    @Override
    public Result<Map<String, Pid<TodoServer.Request>>> handleCall(Request request, From from,
            Map<String, Pid<TodoServer.Request>> servers) {
        return switch (request) {
            case ServerProcess(String name) -> {
                Pid<TodoServer.Request> server = servers.get(name);
                if (server == null || !GenServer.isAlive(server)) {
                    server = TodoServer.start(name, database);
                    servers.put(name, server);
                }
                yield Result.reply(server, servers);
            }
        };
    }

    /**
     * Stops this cache's servers with it, so that none is left that no cache can reach. Each
     * handles what is already in its mailbox first, so its last store reaches the database
     * before a new cache's server asks for the list.
     */
    @Override
    public void terminate(Object reason, Map<String, Pid<TodoServer.Request>> servers) {
        if (servers != null) {
            servers.values().forEach(TodoCache::stopQuietly);
        }
    }

    private static void stopQuietly(Pid<TodoServer.Request> server) {
        try {
            GenServer.stop(server);
        } catch (ProcessExitException alreadyGone) {
            // it died on its own (a list that could not be loaded): nothing left to stop
        }
    }
}
