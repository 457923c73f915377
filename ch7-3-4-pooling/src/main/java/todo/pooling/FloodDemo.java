package todo.pooling;

import genserver.GenServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import todo.TodoEntry;
import todo.persistence.TodoCache;
import todo.persistence.TodoServer;

/**
 * A flood that never stops: 100 to-do servers add entries as fast as they can, and once a second
 * the demo prints how many processes live, how much heap is used and how long the design's queue
 * is. Design 3 spawns a process per write and runs them all at once: processes and heap grow
 * without bound while the writes fight over the disk. A bounded design (4) keeps three writers
 * and a backlog in its workers' mailboxes. The JVM exits at the end, flood and all.
 *
 * <pre>mvn -q -pl ch7-3-4-pooling -am compile exec:exec@flood -Dflood.args="10 ONE_OFF_WORKERS"</pre>
 */
public final class FloodDemo {
    private static final int LISTS = 100;

    private FloodDemo() {}

    /** Arguments: seconds (default 10) and the design (default {@code ONE_OFF_WORKERS}). */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Design design = args.length > 1 ? Design.valueOf(args[1]) : Design.ONE_OFF_WORKERS;
        System.out.println(design.title() + ", " + LISTS + " servers adding entries for "
                + seconds + " s:");
        // A new folder under the temporary one; the design's storage creates it.
        var running = design.start(Path.of(System.getProperty("java.io.tmpdir"),
                "flood-" + ProcessHandle.current().pid()));
        var cache = TodoCache.start(running.database());
        List<genserver.Pid<TodoServer.Request>> servers = IntStream.range(0, LISTS)
                .mapToObj(l -> TodoCache.serverProcess(cache, "list " + l)).toList();
        for (var server : servers) {
            Thread.ofVirtual().start(() -> {
                for (int e = 0;; e++) {
                    TodoServer.addEntry(server,
                            new TodoEntry(LocalDate.of(2023, 12, 19), "entry " + e));
                    if (e % 10 == 0) { // now and then wait for the server: it is not the point
                        TodoServer.entries(server, LocalDate.of(2023, 12, 19));
                    }
                }
            });
        }
        Runtime runtime = Runtime.getRuntime();
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(1_000);
            System.out.printf(Locale.ROOT, "%4d s  processes %,8d  heap %,6d MB  queued %,8d%n",
                    s, GenServer.processCount(),
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                    running.queueLength().getAsInt());
        }
        System.exit(0);
    }
}
