package todo.persistence;

import java.util.HashMap;
import java.util.Map;

/** Storage in a map, for tests that are not about files. Used by one process at a time. */
final class InMemoryStorage implements Storage {
    private final Map<String, byte[]> stored = new HashMap<>();

    @Override
    public void write(String key, byte[] bytes) {
        stored.put(key, bytes.clone());
    }

    @Override
    public byte[] read(String key) {
        byte[] bytes = stored.get(key);
        return bytes == null ? null : bytes.clone();
    }

    @Override
    public String locationOf(String key) {
        return "memory:" + key;
    }
}
