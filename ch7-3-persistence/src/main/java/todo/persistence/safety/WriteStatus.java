package todo.persistence.safety;

import java.util.List;

/**
 * A database's writes seen from outside: the lists whose newest version is not on disk yet, and
 * how many writes have failed since it started.
 */
public record WriteStatus(List<String> unsaved, long failedWrites) {
    public static final WriteStatus NONE = new WriteStatus(List.of(), 0);

    public WriteStatus {
        unsaved = List.copyOf(unsaved);
    }

    /** Two databases' figures together (a pool's workers). */
    public WriteStatus plus(WriteStatus other) {
        var both = new java.util.ArrayList<>(unsaved);
        both.addAll(other.unsaved);
        return new WriteStatus(both, failedWrites + other.failedWrites);
    }
}
