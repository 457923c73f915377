package todo.persistence.safety;

import todo.persistence.Storage;

/**
 * A storage around another, for seams that change only what a write does (meter it, hold it,
 * fail it): whatever a subclass does not override goes to the storage inside.
 */
public abstract class ForwardingStorage implements Storage {
    protected final Storage inner;

    protected ForwardingStorage(Storage inner) {
        this.inner = inner;
    }

    @Override
    public void write(String key, byte[] bytes) {
        inner.write(key, bytes);
    }

    @Override
    public byte[] read(String key) {
        return inner.read(key);
    }

    @Override
    public String locationOf(String key) {
        return inner.locationOf(key);
    }

    @Override
    public void recover() {
        inner.recover();
    }

    @Override
    public long maxBytes() {
        return inner.maxBytes();
    }
}
