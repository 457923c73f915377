package todo.persistence;

/**
 * Where the encoded lists go: the seam between a database process and the disk. Only the
 * database's own process (or worker) calls it, so an implementation needs no locks.
 */
public interface Storage {

    /** Replaces what is stored under {@code key} with {@code bytes}, all or nothing. */
    void write(String key, byte[] bytes);

    /** What is stored under {@code key}, or null if nothing is. */
    byte[] read(String key);

    /** Where {@code key} is stored, for error messages. */
    String locationOf(String key);

    /**
     * Called once by the process that owns this storage, as it starts: clears what a crash left
     * behind (a half-written temporary file). A wrapper passes it on.
     */
    default void recover() {}
}
