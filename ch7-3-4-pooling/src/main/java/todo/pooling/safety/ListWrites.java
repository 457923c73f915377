package todo.pooling.safety;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import todo.TodoList;

/**
 * The writes of each list that run in processes nothing orders (designs 3 and 5), as counted by
 * the one process that starts them; its state, touched by no other process, so it needs no lock.
 *
 * <p>Every store gets the next number of its list, and the latest list stays here until every
 * write of it has reported, so that a {@code get} answers what was stored rather than the file a
 * write is still replacing. Two writes of one list that ran at once may land in either order: the
 * older can overwrite the newer, which is what section 7.3.4 shows. So when the last of them
 * reports, {@link #finished} hands the latest list back to be written once more, alone, and so
 * last: the overtaking still happens, but it never has the last word.
 */
public final class ListWrites {
    private final Map<String, Long> generations = new HashMap<>();
    private final Map<String, Long> started = new HashMap<>();
    private final Map<String, TodoList> latest = new HashMap<>();
    private final Map<String, Integer> running = new HashMap<>();
    private final Set<String> overlapped = new HashSet<>();

    /** A new store of {@code key}: returns its number, the list's next. */
    public long accept(String key, TodoList list) {
        latest.put(key, list);
        return generations.merge(key, 1L, Long::sum);
    }

    /** Whether store number {@code generation} is the latest of {@code key}. */
    public boolean isLatest(String key, long generation) {
        return generations.getOrDefault(key, 0L) == generation;
    }

    /** The write of store {@code generation} of {@code key} starts now. */
    public void started(String key, long generation) {
        started.merge(key, generation, Math::max);
        if (running.merge(key, 1, Integer::sum) > 1) {
            overlapped.add(key);
        }
    }

    /**
     * A write of {@code key} has reported. Returns the list to write once more, alone, if this was
     * the last of writes that ran at once and the latest store has started (a later one still
     * queued lands after them anyway); else null.
     */
    public TodoList finished(String key) {
        if (running.merge(key, -1, Integer::sum) > 0) {
            return null;
        }
        running.remove(key);
        if (generations.getOrDefault(key, 0L) > started.getOrDefault(key, 0L)) {
            overlapped.remove(key);
            return null; // a newer store is queued: it starts after these, and lands last
        }
        started.remove(key);
        TodoList last = latest.remove(key);
        return overlapped.remove(key) ? last : null;
    }

    /** Whether no write runs, of any list. */
    public boolean idle() {
        return running.isEmpty();
    }

    /** The latest list stored under {@code key} whose writes have not all reported, or null. */
    public TodoList pending(String key) {
        return latest.get(key);
    }

    /** Every such list, by key. */
    public Map<String, TodoList> pending() {
        return Map.copyOf(latest);
    }

    /** The latest store's number of {@code key}. */
    public long generation(String key) {
        return generations.getOrDefault(key, 0L);
    }
}
