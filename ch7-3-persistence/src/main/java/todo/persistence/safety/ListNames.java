package todo.persistence.safety;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * A list's name is also its file name, as in the book ({@code Path.join(@db_folder, key)}), so it
 * must be usable as one plain file name in the folder. Checked in the caller, before any process
 * or file exists.
 *
 * <p>The same name must mean the same file wherever the folder is, so {@code \}, a separator on
 * Windows, is refused on every system, as {@code /} is. What is not refused here: on a file
 * system that ignores case (macOS's and Windows' defaults) {@code "Bob"} and {@code "bob"} are
 * one file, so two lists whose names differ only in case share it and the last store wins. Only
 * the folder can tell, and names are checked before any folder is known; keep a folder on such a
 * system to names in one case.
 */
public final class ListNames {
    /** The longest file name Linux and most file systems accept, in bytes. */
    public static final int MAX_BYTES = 255;

    /** The prefix of the database's temporary files, which are never lists. */
    public static final String TEMPORARY_PREFIX = ".tmp-";

    /**
     * How the JVM encodes file names ({@code sun.jnu.encoding}, from {@code LANG} at start-up): a
     * name it cannot encode and decode back unchanged cannot be a file name here.
     */
    public static final Charset FILE_NAMES = fileNameCharset();

    private ListNames() {}

    private static Charset fileNameCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * Returns {@code name} if it can be a file name in the folder.
     *
     * @throws IllegalArgumentException naming the rule it breaks
     */
    public static String requireValid(String name) {
        return requireValid(name, FILE_NAMES);
    }

    /** {@link #requireValid(String)} for a JVM whose file names are in {@code fileNames}. */
    public static String requireValid(String name, Charset fileNames) {
        if (name == null) {
            throw new IllegalArgumentException("a to-do list name must be given, not null");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a to-do list name must not be empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(
                    "a to-do list name must not be '.' or '..': " + name);
        }
        if (name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("a to-do list name must not contain '/': " + name);
        }
        if (name.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(
                    "a to-do list name must not contain '\\' (a folder separator on Windows): "
                            + name);
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
        if (name.startsWith(TEMPORARY_PREFIX)) {
            throw new IllegalArgumentException("a to-do list name must not start with '"
                    + TEMPORARY_PREFIX + "' (the database's temporary files): " + name);
        }
        if (!roundTrips(name, fileNames)) {
            throw new IllegalArgumentException(
                    "a to-do list name must be a file name this JVM can encode in " + fileNames
                            + " (sun.jnu.encoding, from LANG): "
                            + name.codePoints().mapToObj(ListNames::printable)
                                    .collect(Collectors.joining()));
        }
        return name;
    }

    private static boolean roundTrips(String name, Charset charset) {
        try {
            ByteBuffer bytes = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(name));
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString()
                    .equals(name);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A character as itself if printable ASCII, else as a Java escape, so the message prints anywhere. */
    private static String printable(int c) {
        return c >= 0x20 && c < 0x7f
                ? Character.toString(c)
                : c <= 0xffff
                        ? String.format("\\u%04X", c)
                        : String.format("\\U%08X", c);
    }
}
