package todo.persistence;

import java.nio.charset.StandardCharsets;

/**
 * A list's name is also its file name, as in the book ({@code Path.join(@db_folder, key)}), so it
 * must be usable as one plain file name in the folder. Checked in the caller, before any process
 * or file exists.
 */
public final class ListNames {
    /** The longest file name Linux and most file systems accept, in bytes. */
    public static final int MAX_BYTES = 255;

    private ListNames() {}

    /**
     * Returns {@code name} if it can be a file name in the folder.
     *
     * @throws IllegalArgumentException naming the rule it breaks
     */
    public static String requireValid(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a to-do list name must not be empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(
                    "a to-do list name must not be '.' or '..': " + name);
        }
        if (name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a to-do list name must not contain '/': " + name);
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "a to-do list name must not contain a NUL character");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("a to-do list name must be at most " + MAX_BYTES
                    + " bytes in UTF-8, not " + bytes);
        }
        return name;
    }
}
