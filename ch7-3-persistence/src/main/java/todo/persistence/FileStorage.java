package todo.persistence;

import genserver.BlockingIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import todo.persistence.safety.ListNames;

/**
 * One file per list in a folder, named after the list, as the book does it ({@code ./persist} by
 * default). A write goes to a temporary file beside the target and is then renamed over it, so a
 * crash at any moment leaves either the old file or the new one, never half of one. Files are
 * created with the process's umask, as the book's {@code File.write!} creates them.
 */
public final class FileStorage implements Storage {
    /** The book's {@code @db_folder}. */
    public static final Path DEFAULT_FOLDER = Path.of("persist");

    /**
     * How long a read may take, open included, by default: far above what a list of the cap
     * takes from any disk that works, and below a call's 5 s, so that the one database process
     * stuck on a file that never answers lets the other lists' callers through before they give
     * up on it.
     */
    public static final Duration DEFAULT_READ_LIMIT = Duration.ofSeconds(3);

    private static final System.Logger LOG = System.getLogger(FileStorage.class.getName());
    private static final String TEMPORARY_GLOB = ListNames.TEMPORARY_PREFIX + "*.part";

    private final Path folder;
    private final long maxBytes;
    private final Duration readLimit;

    /** The files in {@code folder}, with the default cap of {@link #DEFAULT_MAX_BYTES} per list. */
    public FileStorage(Path folder) {
        this(folder, DEFAULT_MAX_BYTES);
    }

    /**
     * The files in {@code folder}, none larger than {@code maxBytes}: a larger file is not a to-do
     * list this storage wrote, and refusing it bounds what a read allocates.
     */
    public FileStorage(Path folder, long maxBytes) {
        this(folder, maxBytes, DEFAULT_READ_LIMIT);
    }

    /**
     * As above, and a read that takes longer than {@code readLimit}, open included, fails its
     * list (the file did not answer) instead of holding up the process that asked.
     */
    public FileStorage(Path folder, long maxBytes, Duration readLimit) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "a file's cap must be between 1 byte and 2 GiB, not " + maxBytes);
        }
        if (readLimit.isNegative() || readLimit.isZero()) {
            throw new IllegalArgumentException("a read's limit must be positive, not " + readLimit);
        }
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.readLimit = readLimit;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + folder + " ("
                    + ListStore.reason(e) + ")", e);
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    /** How long a read may take, open included, before it fails its list. */
    public Duration readLimit() {
        return readLimit;
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
     * The file whose lock marks the folder as one program's: never a list, since no list name may
     * start with {@link ListNames#TEMPORARY_PREFIX}, and never cleaned by {@link #recover}.
     */
    public static final String OWNER_FILE = ListNames.TEMPORARY_PREFIX + "owner.lock";

    /** This program's hold on the folder, until it is closed. */
    public interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the folder for this program (this JVM): the operating system's lock on {@link
     * #OWNER_FILE}, held until the claim is closed or the program ends, however it ends. Within a
     * program one process owns a folder (its registered name); this is the same rule between
     * programs, such as the step's demo and a JShell on the same {@code persist} folder, each of
     * which would otherwise overwrite a list with its own older copy.
     *
     * @throws IllegalStateException if another program holds the folder (the message names it),
     *     or if {@link #OWNER_FILE} is not a regular file of this folder (a link, a directory, a
     *     FIFO, another user's file): a lock that could not be taken would keep nobody out
     */
    public Claim claim() {
        Path owner = folder.resolve(OWNER_FILE);
        FileChannel channel;
        try {
            // Never through a link: a link there would lead the lock, and the pid written into
            // it, to a file elsewhere
            channel = FileChannel.open(owner, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            if (!Files.readAttributes(owner, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .isRegularFile()) {
                channel.close();
                throw new FileSystemException(owner.toString(), null, "not a regular file");
            }
        } catch (IOException e) {
            if (!Files.isWritable(folder)) {
                // A folder nobody here may write to: no other program of this user writes there
                // either, and this one's writes fail and are kept
                return () -> {
                };
            }
            throw new IllegalStateException("the folder " + folder + " cannot be locked for this"
                    + " program: its " + OWNER_FILE + " cannot be used (" + ListStore.reason(e)
                    + "); remove it, no list is ever kept in it", e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = new String(Channels.newInputStream(channel).readNBytes(64),
                        StandardCharsets.UTF_8).trim();
                closeQuietly(channel);
                String pid = holder.isEmpty() ? "" : " (pid " + holder + ")";
                throw new IllegalStateException("the folder " + folder + " is used by another"
                        + " program" + pid + ": one folder has one writer; stop that program, or"
                        + " give this one another folder");
            }
            byte[] pid = String.valueOf(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.UTF_8);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.truncate(pid.length);
            return () -> closeQuietly(channel); // releases the lock
        } catch (OverlappingFileLockException held) {
            // Held by this program under another path (a bind mount, a renamed folder). The
            // channel stays open: closing it would drop the lock the other path holds, since the
            // operating system ends a program's locks on a file when any of its handles closes
            throw new IllegalStateException("the folder " + folder + " is held by this program"
                    + " already, under another path", held);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("the folder " + folder + " cannot be locked for this"
                    + " program: " + ListStore.reason(e), e);
        }
    }

    /** Closes a lock file's channel: an error there leaves nothing to undo, the lock ends. */
    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock ends with the channel all the same
        }
    }

    /**
     * The list's file, exactly where the book's code would put it. The name is checked here too,
     * because a {@code Storage} is public and any design may hand it a key that no cache checked.
     */
    public Path file(String key) {
        return folder.resolve(ListNames.requireValid(key));
    }

    /**
     * Writes through a temporary file renamed over the target. A folder deleted while the
     * database runs is made again (as the constructor made it) and the write goes on: the lists
     * are in the processes' memory, and the folder is where they belong.
     */
    @Override
    public void write(String key, byte[] bytes) {
        Path target = file(key);
        Path temp = null;
        try {
            try {
                temp = createTemporary(bytes);
            } catch (NoSuchFileException folderGone) {
                Files.createDirectories(folder);
                temp = createTemporary(bytes);
            }
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
     * is refused before it is opened, and at most {@link #maxBytes()} are ever read. The check,
     * the open and the read run on a platform thread ({@link BlockingIo}), at most {@link
     * #readLimit()}: a file that never answers (a link to {@code /proc/kmsg}, a file under a
     * lease, a hung mount) fails its own list, and the process that asked waits without holding a
     * carrier thread, so every other process goes on.
     */
    @Override
    public byte[] read(String key) {
        return read(file(key), true);
    }

    /**
     * {@link #read(String)}, with or without the type check: without it, what a file swapped in
     * after the check meets.
     */
    byte[] read(Path file, boolean checkTheType) {
        try {
            return BlockingIo.run("the file", readLimit, () -> {
                if (checkTheType) {
                    checkType(file);
                }
                return open(file);
            }, channel -> readAll(file, channel), () -> unblockFifo(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void checkType(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new FileSystemException(file.toString(), null,
                    "not a regular file (a directory, a FIFO or a device)");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(file);
        }
    }

    private byte[] readAll(Path file, SeekableByteChannel channel) throws IOException {
        byte[] bytes = Channels.newInputStream(channel).readNBytes((int) maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw tooLarge(file); // it grew after the check
        }
        return bytes;
    }

    /**
     * Opens a file the type check found regular, for reading only: a read-write open would break
     * a read lease another process holds on it (and wait up to {@code lease-break-time} for it),
     * and its close would tell file watchers the file was written. If the file was swapped for a
     * FIFO meanwhile, the open waits for a writer: then it is bounded like the read, and {@link
     * #unblockFifo} lets it through once the caller has given up. A FIFO that has a writer opens
     * at once and is refused by asking the channel its position, which only a seekable file has
     * ("Illegal seek"), before a byte is read.
     */
    static SeekableByteChannel open(Path file) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ);
        try {
            channel.position();
            return channel;
        } catch (IOException notSeekable) {
            channel.close();
            throw new FileSystemException(file.toString(), null,
                    "not a regular file (swapped for a FIFO after the check)");
        }
    }

    /**
     * Ends an open of {@code file} that waits for a FIFO's writer, once its reader has given up:
     * opening a FIFO for reading and writing never waits on Linux, and is the writer the blocked
     * open waits for; closed at once, it writes nothing. Anything but a FIFO is left alone.
     */
    private static void unblockFifo(Path file) {
        try {
            if (Files.readAttributes(file, BasicFileAttributes.class).isOther()) {
                Files.newByteChannel(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                        .close();
            }
        } catch (IOException ignored) {
            // gone or no longer a FIFO: nothing waits for it
        }
    }

    private CorruptDataException tooLarge(Path file) {
        return new CorruptDataException(file + " is larger than " + maxBytes + " bytes");
    }

    @Override
    public String locationOf(String key) {
        return file(key).toString();
    }

    /**
     * Deletes the temporary files a crash left behind; they are never lists. One it cannot
     * delete (a read-only remount, a directory of that name) is logged and left: it is not a
     * list, so it stops no database from starting.
     */
    @Override
    public void recover() {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, TEMPORARY_GLOB)) {
            for (Path leftover : leftovers) {
                try {
                    Files.deleteIfExists(leftover);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot clean the database folder " + folder
                            + ": the leftover temporary file " + leftover.getFileName()
                            + " stays (" + ListStore.reason(e) + "); it is never read as a list");
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            LOG.log(Level.WARNING, "cannot clean the database folder " + folder + " ("
                    + ListStore.reason(e)
                    + "); leftover temporary files stay, never read as lists");
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
