package todo.persistence.safety;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import todo.TodoList;
import todo.persistence.ListStore;
import todo.persistence.StorageException;

/**
 * The writes of one database process (or worker), kept through a failing disk. It is that
 * process's state, touched by no other process, so it needs no lock.
 *
 * <p>A write that fails does not end the process: the failure is logged once per list (with the
 * list, the path and the cause) and counted, and the list is kept as unsaved. A later {@code get}
 * answers with the unsaved list, and it is written again with its next store, after a write
 * that succeeds (the disk may be back), or on {@link #retry()}. So once the disk is back, nothing
 * is lost. The book's chapter 7 has no such thing: its database process crashes, and with it every
 * list's writes.
 *
 * <p>After a good write, only the lists whose back-off has run out are tried again. A list that
 * failed once is tried by the next good write (a disk that was full for a moment loses no time);
 * one that keeps failing then waits {@link #FIRST_BACKOFF}, and twice as long after each failure,
 * up to {@link #MAX_BACKOFF}. So lists that cannot be written (a file made read-only, a folder
 * gone) cost the good writes a few attempts each, not one per good write. A list's own store, an
 * explicit {@link #retry()} and {@link #close()} try at once, whatever the back-off.
 */
public final class PendingWrites {
    private static final System.Logger LOG = System.getLogger(PendingWrites.class.getName());

    /** How long a list waits, after its first failed write, before a good write tries it again. */
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    /** The longest a failing list waits between the attempts that good writes make for it. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ListStore store;
    private final boolean keep;
    /** The owning process's clock, in nanoseconds ({@link System#nanoTime()}). */
    private final LongSupplier clock;
    /** For each unsaved list, when a good write may try it again and how long it waited last. */
    private final Map<String, Backoff> backoffs = new HashMap<>();
    private final Map<String, TodoList> unsaved = new LinkedHashMap<>();
    private final Set<String> failing = new HashSet<>();
    /** Unsaved lists larger than the cap: written again only with their own next store. */
    private final Set<String> oversized = new HashSet<>();
    private long failedWrites;

    /**
     * The writes of a database that starts on {@code store}: what an earlier run left half
     * written is cleaned up first ({@link ListStore#recover}).
     */
    public static PendingWrites recovered(ListStore store) {
        store.recover();
        return new PendingWrites(store);
    }

    /** Keeps every list whose write failed, to write it again. */
    public PendingWrites(ListStore store) {
        this(store, true);
    }

    /**
     * With {@code keep} false, a failed write is logged and counted but not kept: for a process
     * that is not the only writer of its lists (design 5's workers), where writing an old list
     * again could overwrite a newer one that another process wrote meanwhile.
     */
    public PendingWrites(ListStore store, boolean keep) {
        this(store, keep, System::nanoTime);
    }

    /** With the clock the back-off reads, in nanoseconds: a test's own, or the system's. */
    PendingWrites(ListStore store, boolean keep, LongSupplier clock) {
        this.store = store;
        this.keep = keep;
        this.clock = clock;
    }

    /** When a failing list may be tried again ({@code due}, on the clock) and its last wait. */
    private record Backoff(long due, long waitNanos) {
        static final long FIRST = FIRST_BACKOFF.toNanos();
        static final long MAX = MAX_BACKOFF.toNanos();

        /**
         * The back-off after one more failure at {@code now}: none after the first (the next good
         * write tries again), then {@code FIRST}, then twice the last wait, capped at {@code MAX}.
         */
        static Backoff after(Backoff last, long now) {
            long wait = last == null ? 0 : Math.min(MAX, Math.max(FIRST, last.waitNanos * 2));
            return new Backoff(now + wait, wait);
        }

        boolean isDue(long now) {
            return now - due >= 0; // differences, as System.nanoTime may wrap
        }
    }

    public ListStore store() {
        return store;
    }

    /**
     * Writes {@code list} at once, whatever its back-off; if that fails, keeps it for later. After a
     * write that succeeds, writes the other unsaved lists whose back-off has run out. Returns
     * whether {@code list} is on disk.
     */
    public boolean write(String key, TodoList list) {
        boolean written = attempt(key, list);
        if (written && !unsaved.isEmpty()) {
            retry(true);
        }
        return written;
    }

    /**
     * Writes every unsaved list again, in the order they first failed, whatever its back-off; not
     * one larger than the cap, which only its own next store can mend (encoding it again would
     * cost as much each time).
     */
    public void retry() {
        retry(false);
    }

    private void retry(boolean onlyDue) {
        long now = clock.getAsLong();
        for (var entry : List.copyOf(unsaved.entrySet())) {
            String key = entry.getKey();
            Backoff backoff = backoffs.get(key);
            if (!oversized.contains(key)
                    && (!onlyDue || backoff == null || backoff.isDue(now))) {
                attempt(key, entry.getValue());
            }
        }
    }

    /** The unsaved list under {@code key} if there is one, else what the storage holds. */
    public Loaded get(String key) {
        TodoList pending = unsaved.get(key);
        return pending != null ? new Loaded.Found(pending) : Loaded.from(store, key);
    }

    /**
     * Records a write that failed in another process (design 3's one-off workers); {@code list} is
     * null when a newer store of it has come since, so there is nothing to keep.
     */
    public void failed(String key, TodoList list, String cause) {
        failedWrites++;
        if (keep && list != null) {
            unsaved.put(key, list);
        }
        if (failing.add(key)) {
            LOG.log(Level.WARNING, cause + (keep
                    ? "; the list is kept in memory and written again later"
                    : "; the design's ledger keeps the list and writes it again later"));
        }
    }

    /** Forgets the unsaved version of {@code key}: a newer one is on its way to the disk. */
    public void superseded(String key) {
        unsaved.remove(key);
        oversized.remove(key);
        backoffs.remove(key);
    }

    /** Records a write that succeeded in another process (design 3's one-off workers). */
    public void written(String key) {
        unsaved.remove(key);
        oversized.remove(key);
        backoffs.remove(key);
        if (failing.remove(key)) {
            LOG.log(Level.INFO,
                    "the to-do list '" + key + "' is written again to " + store.where(key));
        }
    }

    /** The unsaved lists, for a process that writes them elsewhere (design 3). */
    public Map<String, TodoList> unsaved() {
        return Map.copyOf(unsaved);
    }

    /** What a caller may see: which lists are unsaved, and how many writes have failed so far. */
    public WriteStatus status() {
        return new WriteStatus(List.copyOf(unsaved.keySet()), failedWrites);
    }

    /** As the process ends: one last try, and a log line for each list that still is not written. */
    public void close() {
        retry();
        unsaved.forEach((key, list) -> LOG.log(Level.ERROR, "the to-do list '" + key
                + "' was never written to " + store.where(key) + " and is lost with this process"));
    }

    private boolean attempt(String key, TodoList list) {
        oversized.remove(key);
        try {
            store.save(key, list);
            written(key);
            return true;
        } catch (ListStore.TooLargeException e) {
            failed(key, list, e.getMessage());
            oversized.add(key);
            return false;
        } catch (StorageException e) {
            failed(key, list, e.getMessage());
            if (unsaved.containsKey(key)) {
                backoffs.put(key, Backoff.after(backoffs.get(key), clock.getAsLong()));
            }
            return false;
        } catch (IllegalArgumentException e) {
            // Not a name a list can have: writing it again cannot help. The interface functions
            // refuse such names in the caller; this only guards the process against a raw message.
            LOG.log(Level.WARNING, "a write refused: " + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // A bug or a raw message no interface function sends (a null list): it fails this
            // request only. The process serves other lists, and must go on for them.
            failedWrites++;
            LOG.log(Level.ERROR, "the write of the to-do list '" + key + "' failed and is dropped: "
                    + e, e);
            return false;
        }
    }
}
