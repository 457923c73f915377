package todo.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import todo.persistence.safety.ForwardingStorage;

/**
 * The {@code Storage} seam for a disk that fails for a while: while {@link #fail} is set, every
 * write throws it, as a full disk ({@code ENOSPC}) or a read-only folder would.
 */
final class FailingDisk extends ForwardingStorage {
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    FailingDisk(Storage inner) {
        super(inner);
    }

    void fail(IOException cause) {
        failure.set(cause);
    }

    void heal() {
        failure.set(null);
    }

    @Override
    public void write(String key, byte[] bytes) {
        IOException cause = failure.get();
        if (cause != null) {
            throw new UncheckedIOException("cannot write " + inner.locationOf(key), cause);
        }
        inner.write(key, bytes);
    }
}
