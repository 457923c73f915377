package todo.persistence;

/** Stored bytes that are not a to-do list in the Erlang external term format. Nothing is changed. */
public final class CorruptDataException extends RuntimeException {
    public CorruptDataException(String message) {
        super(message);
    }

    public CorruptDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
