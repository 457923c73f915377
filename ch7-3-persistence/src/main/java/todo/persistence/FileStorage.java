package todo.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One file per list in a folder, named after the list, as the book does it ({@code ./persist} by
 * default). A write goes to a temporary file beside the target and is then renamed over it, so a
 * crash at any moment leaves either the old file or the new one, never half of one.
 */
public final class FileStorage implements Storage {
    /** The book's {@code @db_folder}. */
    public static final Path DEFAULT_FOLDER = Path.of("persist");

    /** A larger file is not a to-do list this workbook wrote; refusing it bounds what a read allocates. */
    static final long MAX_FILE_BYTES = 64L << 20;

    private final Path folder;

    public FileStorage(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + folder, e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** The list's file, exactly where the book's code would put it. */
    public Path file(String key) {
        return folder.resolve(ListNames.requireValid(key));
    }

    @Override
    public void write(String key, byte[] bytes) {
        Path target = file(key);
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, ".tmp-", ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    @Override
    public byte[] read(String key) {
        Path file = file(key);
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new CorruptDataException(
                        file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public String locationOf(String key) {
        return file(key).toString();
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write has failed already; that error is the one to report
            }
        }
    }
}
