package todo.persistence;

/**
 * The storage could not read or write one list: the disk failed, the file is not a regular file, is
 * unreadable or too large. The message names the list, where it is stored and why; nothing stored
 * was changed. {@link ListStore.TooLargeException} is the one kind a retry cannot mend.
 */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
