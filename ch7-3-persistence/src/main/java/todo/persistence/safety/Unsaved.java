package todo.persistence.safety;

import java.time.Duration;

/**
 * A to-do server's list that its database refused to store (a design that writes in the caller
 * and met a full disk, or a database that has stopped): how many stores have failed, and which
 * back-off timer is the server's live one. A value in the server's state; {@link Saving} does the
 * work.
 *
 * @param failures stores of this list that failed since it was last stored
 * @param timer when the live back-off timer was set ({@link System#nanoTime()}), its id within
 *     this server; {@link #NO_TIMER} until the server knows its own pid
 */
public record Unsaved(int failures, long timer) {
    /** No timer is set yet. */
    public static final long NO_TIMER = Long.MIN_VALUE;
    /**
     * How long to wait before the next try: the database process's schedule for its own failed
     * writes ({@link PendingWrites#FIRST_BACKOFF}, doubled with each failure, at most {@link
     * PendingWrites#MAX_BACKOFF}).
     */
    Duration backOff() {
        Duration next = PendingWrites.FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 20));
        return next.compareTo(PendingWrites.MAX_BACKOFF) < 0 ? next : PendingWrites.MAX_BACKOFF;
    }

    Unsaved failedAgain() {
        return new Unsaved(failures + 1, timer);
    }

    Unsaved withTimer(long newTimer) {
        return new Unsaved(failures, newTimer);
    }
}
