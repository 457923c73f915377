package todo.persistence;

/**
 * Where the encoded lists go: the seam between a database process and the disk. Only the
 * database's own process (or worker) calls it, so an implementation needs no locks.
 */
public interface Storage {

    /** The cap on one encoded list, written or read, unless a storage says otherwise: 64 MiB. */
    long DEFAULT_MAX_BYTES = 64L << 20;

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

    /**
     * The largest encoded list this storage writes or reads: a larger one is refused (a write by
     * {@link ListStore}, a read by the storage before it reads anything). A wrapper passes it on.
     */
    default long maxBytes() {
        return DEFAULT_MAX_BYTES;
    }
}
