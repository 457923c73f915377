package todo.persistence;

import java.nio.file.Path;

/**
 * Run by {@link DatabaseFaultTest} under {@code ulimit -f}: the kernel fails the write past the
 * limit with "File too large" after the temporary file is created, as a full disk does.
 */
public final class WriteUnderAFileSizeLimit {
    private WriteUnderAFileSizeLimit() {}

    public static void main(String[] args) {
        try {
            new FileStorage(Path.of(args[0])).write("bob", new byte[100_000]);
            System.out.println("written");
        } catch (RuntimeException e) {
            System.out.println("failed: " + ListStore.reason(e));
        }
    }
}
