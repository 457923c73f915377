package todo.persistence;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import todo.TodoList;
import todo.persistence.codec.TermCodec;
import todo.persistence.safety.ListNames;
import todo.persistence.safety.Loaded;
import todo.persistence.safety.PendingWrites;

/**
 * Loads and stores whole lists through a {@link Storage}: encoding, the size cap, and errors that
 * name the list and where it is stored. Every design uses it in whichever process does its
 * reading and writing; it throws directly, and a process that must not die turns the exception
 * into a {@link Loaded} reply or a {@link PendingWrites} entry.
 */
public final class ListStore {
    private final Storage storage;

    public ListStore(Storage storage) {
        this.storage = storage;
    }

    /**
     * The list stored under {@code key}, or null if there is none.
     *
     * @throws IllegalArgumentException if {@code key} cannot be a list's name
     * @throws CorruptDataException if what is stored is not a to-do list
     * @throws StorageException if it cannot be read
     */
    public TodoList load(String key) {
        ListNames.requireValid(key);
        byte[] bytes;
        try {
            bytes = storage.read(key);
        } catch (CorruptDataException e) {
            throw corrupted(key, e);
        } catch (RuntimeException e) {
            throw new StorageException(
                    "cannot read the to-do list '" + key + "' from " + where(key) + ": "
                            + reason(e),
                    e);
        }
        if (bytes == null) {
            return null;
        }
        try {
            return TermCodec.decode(bytes);
        } catch (CorruptDataException e) {
            throw corrupted(key, e);
        }
    }

    /**
     * Writes {@code list} under {@code key}, all or nothing.
     *
     * @throws IllegalArgumentException if {@code key} cannot be a list's name
     * @throws NullPointerException if there is no list
     * @throws TooLargeException if the list's encoding passes the cap (found while encoding: the
     *     encoder stops at the cap); what was stored stays
     * @throws StorageException if it cannot be written; what was stored stays
     */
    public void save(String key, TodoList list) {
        requireList(key, list);
        byte[] bytes;
        try {
            bytes = TermCodec.encode(list, cap());
        } catch (TermCodec.TooLargeException e) {
            throw new TooLargeException("the to-do list '" + key + "' is larger than the cap of "
                    + cap() + " bytes and is not written to " + where(key)
                    + "; what was stored before stays", e);
        }
        try {
            storage.write(key, bytes);
        } catch (RuntimeException e) {
            throw new StorageException("cannot write the to-do list '" + key + "' to " + where(key)
                    + ": " + reason(e) + "; what was stored before stays", e);
        }
    }

    /**
     * What every design's {@code store} checks in the caller, before anything is sent: a valid
     * name and a list. Returns {@code key}.
     *
     * @throws IllegalArgumentException if {@code key} cannot be a list's name
     * @throws NullPointerException if {@code list} is null
     */
    public static String requireList(String key, TodoList list) {
        ListNames.requireValid(key);
        if (list == null) {
            throw new NullPointerException("no list to store under '" + key + "' (null)");
        }
        return key;
    }

    /** The largest encoded list this store writes. */
    private long cap() {
        return storage.maxBytes();
    }

    /**
     * A list larger than the cap: writing it again cannot work until the list itself changes, so
     * it is tried again only with its own next store.
     */
    public static final class TooLargeException extends StorageException {
        TooLargeException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Where {@code key} is stored, for messages. */
    public String where(String key) {
        return storage.locationOf(key);
    }

    /** Called once by the process that owns the storage, as it starts. */
    public void recover() {
        storage.recover();
    }

    /** Why it failed, in the words of the deepest cause (the operating system's, for a file). */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            return switch (fs) { // the JDK gives these no reason of their own
                case FileAlreadyExistsException exists -> "a file of that name is in the way";
                case NotDirectoryException notAFolder -> "not a folder";
                case AccessDeniedException denied -> "permission denied";
                case NoSuchFileException missing -> "no such file or folder";
                default -> fs.getClass().getSimpleName();
            };
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private CorruptDataException corrupted(String key, CorruptDataException e) {
        return new CorruptDataException(
                "the to-do list '" + key + "' in " + where(key) + " is corrupted: "
                        + e.getMessage(),
                e);
    }
}
