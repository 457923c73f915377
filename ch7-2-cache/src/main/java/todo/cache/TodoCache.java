package todo.cache;

import genserver.Call;
import genserver.From;
import genserver.GenServer;
import genserver.Pid;
import genserver.Result;
import java.util.HashMap;
import java.util.Map;
import todo.TodoServer;

/**
 * The book's {@code Todo.Cache}: one process that maps to-do list names to to-do server
 * processes, starting a server the first time a name is asked for.
 *
 * <p>Every request goes through this one process, so "look up, and start if missing" can never
 * run twice at once for the same name: the cache process is the synchronisation point, and no
 * lock is needed (section 7.2.3).
 */
// tag::cache[]
public final class TodoCache
        implements GenServer<Map<String, Pid<TodoServer.Request>>, TodoCache.Request> {

    /** The cache's protocol. */
    public sealed interface Request permits ServerProcess {}

    /** A call, answered with the server of the named list, started if need be. */
    public record ServerProcess(String name) implements Request, Call<Pid<TodoServer.Request>> {}

    // ---- interface functions: run in the caller ----

    /** {@code Todo.Cache.start()}. */
    public static Pid<Request> start() {
        return GenServer.start(new TodoCache());
    }

    /** {@code Todo.Cache.server_process/2}: the same process for the same name, every time. */
    public static Pid<TodoServer.Request> serverProcess(Pid<Request> cache, String name) {
        return GenServer.call(cache, new ServerProcess(name));
    }

    // ---- callbacks: run in the cache process ----

    @Override
    public Result<Map<String, Pid<TodoServer.Request>>> init() {
        return Result.ok(new HashMap<>());
    }

    /**
     * The map is changed in place, unlike the book's {@code Map.put}: it never leaves this process,
     * and copying a million entries per new list would be the bottleneck the book warns about.
     */
    @Override
    public Result<Map<String, Pid<TodoServer.Request>>> handleCall(Request request, From from,
            Map<String, Pid<TodoServer.Request>> servers) {
        return switch (request) {
            case ServerProcess(String name) -> Result.reply(
                    servers.computeIfAbsent(name, unused -> TodoServer.start()), servers);
        };
    }
}
// end::cache[]
