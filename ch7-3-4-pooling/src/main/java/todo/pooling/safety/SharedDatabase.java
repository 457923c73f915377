package todo.pooling.safety;

import genserver.Pid;
import java.util.function.Consumer;
import todo.persistence.Database;
import todo.persistence.safety.FolderOwner;

/**
 * A design whose users share one database process per folder (designs 3 and 4), as the book's
 * registered {@code Todo.Database} is shared: each start holds a {@link FolderOwner} lease, and the
 * last user's {@link #close()} stops the process. A list's to-do server is named after that
 * process, so that however many caches use the design, a list has one server.
 */
public abstract class SharedDatabase<R> implements Database, AutoCloseable {
    private final Pid<R> pid;
    /** This start's share of its folder; null for a database over any storage. */
    private final FolderOwner.Lease<Pid<R>> lease;
    /** How to stop a database over any storage, which no owner stops. */
    private final Consumer<Pid<R>> stop;

    protected SharedDatabase(Pid<R> pid, FolderOwner.Lease<Pid<R>> lease, Consumer<Pid<R>> stop) {
        this.pid = pid;
        this.lease = lease;
        this.stop = stop;
    }

    /** The database process. */
    public Pid<R> pid() {
        return pid;
    }

    @Override
    public String serverName(String key) {
        return Database.serverName(key, pid);
    }

    /** This user is done with it: the last user's close stops it. Twice counts once. */
    @Override
    public void close() {
        if (lease != null) {
            lease.release();
        } else {
            stop.accept(pid);
        }
    }
}
