package todo.pooling.safety;

import todo.persistence.Storage;
import todo.persistence.safety.ForwardingStorage;

/**
 * What a design calls around each write, once the write really runs (after a pool has given it a
 * worker or a connection): the comparison's meter counts writes in flight with it, and tests hold
 * or fail writes with it. Called in the writing process.
 */
public interface WriteHooks {
    /** No hooks. */
    WriteHooks NONE = new WriteHooks() {
    };

    /** The write of {@code bytes} under {@code key} starts now; throwing fails it, as a disk would. */
    default void begin(String key, byte[] bytes) {}

    /** That write has ended, written or failed. */
    default void end(String key, byte[] bytes) {}

    /** These hooks, then {@code next}'s; ends in the reverse order. */
    default WriteHooks andThen(WriteHooks next) {
        WriteHooks first = this;
        return new WriteHooks() {
            @Override
            public void begin(String key, byte[] bytes) {
                first.begin(key, bytes);
                next.begin(key, bytes);
            }

            @Override
            public void end(String key, byte[] bytes) {
                next.end(key, bytes);
                first.end(key, bytes);
            }
        };
    }

    /** {@code storage} with these hooks around each write; the file designs use it. */
    default Storage around(Storage storage) {
        if (this == NONE) {
            return storage;
        }
        WriteHooks hooks = this;
        return new ForwardingStorage(storage) {
            @Override
            public void write(String key, byte[] bytes) {
                hooks.begin(key, bytes);
                try {
                    inner.write(key, bytes);
                } finally {
                    hooks.end(key, bytes);
                }
            }
        };
    }
}
