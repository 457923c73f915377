package todo.persistence;

import java.util.concurrent.CountDownLatch;

/** Storage whose reads and writes wait for a gate: a slow disk on demand, without timing. */
final class GatedStorage implements Storage {
    private final Storage inner;
    private final boolean gateReads;
    final CountDownLatch gate = new CountDownLatch(1);

    /** Reads and writes both wait. */
    GatedStorage(Storage inner) {
        this(inner, true);
    }

    GatedStorage(Storage inner, boolean gateReads) {
        this.inner = inner;
        this.gateReads = gateReads;
    }

    /** Only writes wait: loading a list stays fast. */
    static GatedStorage writesOnly(Storage inner) {
        return new GatedStorage(inner, false);
    }

    void open() {
        gate.countDown();
    }

    private void await() {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void write(String key, byte[] bytes) {
        await();
        inner.write(key, bytes);
    }

    @Override
    public byte[] read(String key) {
        if (gateReads) {
            await();
        }
        return inner.read(key);
    }

    @Override
    public String locationOf(String key) {
        return inner.locationOf(key);
    }
}
