package todo.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One file per list in a folder, named after the list, as the book does it ({@code ./persist} by
 * default). A write goes to a temporary file beside the target and is then renamed over it, so a
 * crash at any moment leaves either the old file or the new one, never half of one. Files are
 * created with the process's umask, as the book's {@code File.write!} creates them.
 */
public final class FileStorage implements Storage {
    /** The book's {@code @db_folder}. */
    public static final Path DEFAULT_FOLDER = Path.of("persist");

    private static final String TEMPORARY_GLOB = ListNames.TEMPORARY_PREFIX + "*.part";

    private final Path folder;
    private final long maxBytes;

    /** The files in {@code folder}, with the default cap of {@link #DEFAULT_MAX_BYTES} per list. */
    public FileStorage(Path folder) {
        this(folder, DEFAULT_MAX_BYTES);
    }

    /**
     * The files in {@code folder}, none larger than {@code maxBytes}: a larger file is not a to-do
     * list this storage wrote, and refusing it bounds what a read allocates.
     */
    public FileStorage(Path folder, long maxBytes) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "a file's cap must be between 1 byte and 2 GiB, not " + maxBytes);
        }
        this.folder = folder;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + folder, e);
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * A name for the one process that may own this folder, {@code role} followed by the folder's
     * real path: two paths to one folder (relative, absolute, through a link) give one name.
     */
    public String ownerName(String role) {
        try {
            return role + " " + folder.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the database folder " + folder, e);
        }
    }

    /**
     * The list's file, exactly where the book's code would put it. The name is checked here too,
     * because a {@code Storage} is public and any design may hand it a key that no cache checked.
     */
    public Path file(String key) {
        return folder.resolve(ListNames.requireValid(key));
    }

    @Override
    public void write(String key, byte[] bytes) {
        Path target = file(key);
        Path temp = null;
        try {
            temp = createTemporary(bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * A new file with {@code bytes}, created with the default permissions, so the umask applies
     * ({@code createTempFile} would make it 0600). Its name is unique to this thread and moment.
     */
    private Path createTemporary(byte[] bytes) throws IOException {
        for (int attempt = 0;; attempt++) {
            Path temp = folder.resolve(ListNames.TEMPORARY_PREFIX
                    + Long.toHexString(Thread.currentThread().threadId()) + "-"
                    + Long.toHexString(System.nanoTime()) + ".part");
            try (var channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                // One write call: Files.write would go through a stream in 8 KB pieces.
                var buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            } catch (IOException e) {
                // created, then the write failed (a full disk): no half-written file stays
                deleteQuietly(temp);
                throw e;
            }
        }
    }

    /**
     * The file's bytes. Anything but a regular file (a directory, a FIFO, a device, links followed)
     * is refused before it is opened, and at most {@link #maxBytes()} are ever read.
     */
    @Override
    public byte[] read(String key) {
        Path file = file(key);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new FileSystemException(file.toString(), null,
                        "not a regular file (a directory, a FIFO or a device)");
            }
            if (attributes.size() > maxBytes) {
                throw tooLarge(file);
            }
            try (InputStream in = Channels.newInputStream(open(file))) {
                byte[] bytes = in.readNBytes((int) maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw tooLarge(file); // it grew after the check
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a file the type check found regular, without blocking forever if it was swapped for a
     * FIFO meanwhile (opening a FIFO for reading waits for a writer). The JDK has no {@code
     * O_NONBLOCK} and no {@code fstat} of an open channel, so: open it for reading and writing
     * (on Linux that never blocks on a FIFO, and without {@code CREATE} it creates nothing and
     * changes nothing), then ask the channel its position, which only a seekable file has: a FIFO
     * (or socket) fails with "Illegal seek" and is refused before a byte is read. A file this
     * process may not write (read-only permissions or file system) is opened for reading only, as
     * before: for such a file the window between check and open stays, the one case left open.
     */
    static SeekableByteChannel open(Path file) throws IOException {
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(file, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (FileSystemException notWritable) {
            return Files.newByteChannel(file, StandardOpenOption.READ);
        }
        try {
            channel.position();
            return channel;
        } catch (IOException notSeekable) {
            channel.close();
            throw new FileSystemException(file.toString(), null,
                    "not a regular file (swapped for a FIFO after the check)");
        }
    }

    private CorruptDataException tooLarge(Path file) {
        return new CorruptDataException(file + " is larger than " + maxBytes + " bytes");
    }

    @Override
    public String locationOf(String key) {
        return file(key).toString();
    }

    /** Deletes the temporary files a crash left behind; they are never lists. */
    @Override
    public void recover() {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, TEMPORARY_GLOB)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the database folder " + folder, e);
        }
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
