package rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What ArchUnit cannot see in byte code: a {@code synchronized} block compiles to monitor
 * instructions, not to a method modifier. This scans the sources instead, comments and string
 * literals removed.
 */
public final class SourceRules {
    private SourceRules() {}

    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'",
            Pattern.DOTALL);
    private static final Pattern SYNCHRONIZED_BLOCK = Pattern.compile("\\bsynchronized\\s*\\(");

    /** The files under {@code sources} that hold a {@code synchronized} block. */
    public static List<Path> synchronizedBlocksIn(Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(SourceRules::hasSynchronizedBlock).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails, naming the files, if any source under {@code sources} has a {@code synchronized} block. */
    public static void assertNoSynchronizedBlocks(Path sources) {
        List<Path> offenders = synchronizedBlocksIn(sources);
        if (!offenders.isEmpty()) {
            throw new AssertionError("synchronized blocks in " + offenders
                    + ": a synchronized block is a lock; "
                    + "in this chapter the process is the critical section (send the work to the process that owns the data)");
        }
    }

    static boolean hasSynchronizedBlock(Path file) {
        try {
            String code = COMMENTS_AND_STRINGS.matcher(Files.readString(file)).replaceAll(" ");
            return SYNCHRONIZED_BLOCK.matcher(code).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
