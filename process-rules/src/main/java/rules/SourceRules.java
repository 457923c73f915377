package rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
            throw new AssertionError("synchronized blocks in " + offenders + ": " + WHY);
        }
    }

    /**
     * The same as a condition on classes: each class's source file under {@code sources} (found
     * from its package and the file name its byte code records) has no {@code synchronized} block.
     * A rule made of it is an ArchUnit field, which {@code -Dtest=Class#method} does not leave out.
     */
    public static ArchCondition<JavaClass> haveNoSynchronizedBlockIn(Path sources) {
        return new ArchCondition<>("have no synchronized block in their source under " + sources) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getSource().flatMap(Source::getFileName)
                        .map(file -> sources.resolve(type.getPackageName().replace('.', '/'))
                                .resolve(file))
                        .filter(Files::isRegularFile)
                        .filter(SourceRules::hasSynchronizedBlock)
                        .ifPresent(file -> events.add(SimpleConditionEvent.violated(type,
                                "synchronized block in " + file + ": " + WHY)));
            }
        };
    }

    private static final String WHY = "a synchronized block is a lock; in this chapter the process"
            + " is the critical section (send the work to the process that owns the data)";

    static boolean hasSynchronizedBlock(Path file) {
        try {
            String code = COMMENTS_AND_STRINGS.matcher(Files.readString(file)).replaceAll(" ");
            return SYNCHRONIZED_BLOCK.matcher(code).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
