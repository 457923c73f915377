package docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The READMEs of the workbook and their generated parts. A Java block is always a region of a
 * compiled source file, and an Elixir block may be a region of the book's code in a step's
 * {@code src/elixir}, named by the comment above it:
 *
 * <pre>
 * &lt;!-- include: ch7-2-cache/src/test/java/todo/cache/TodoCacheTest.java[tag=assertions] --&gt;
 * ```java
 * ...
 * ```
 * </pre>
 *
 * and a step's "what changed" section lies between {@code <!-- changes: begin -->} and
 * {@code <!-- changes: end -->}.
 */
public final class Readmes {
    /** The command that rewrites the generated parts, as the READMEs and failures quote it. */
    public static final String REFRESH = "mvn -q -pl docs compile exec:exec@refresh";

    /** An included block: the file, the region's tag, the block's language, the block. */
    static final Pattern INCLUDE = Pattern.compile(
            "<!-- include: (\\S+)\\[tag=([\\w-]+)] -->\\n```(java|elixir)\\n(.*?)```",
            Pattern.DOTALL);

    /** The pages that {@link #all} reads beside each module's README. */
    private static final java.util.Set<String> PAGES = java.util.Set.of("README.md",
            "BENCHMARKS.md", "HARDENING.md", "CHAPTER.md");
    private static final Pattern CHANGES = Pattern.compile(
            "(<!-- changes: begin[^\\n]*-->\\n)(.*?)(<!-- changes: end -->)", Pattern.DOTALL);

    private Readmes() {}

    /**
     * Every README.md of the workbook, and the pages beside them (a module's BENCHMARKS.md and HARDENING.md, the
     * chapter's CHAPTER.md), outside build output and hidden folders.
     */
    public static List<Path> all(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> PAGES.contains(f.getFileName().toString()))
                    .filter(f -> !ignored(root.relativize(f)))
                    .sorted().toList();
        }
    }

    static boolean ignored(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with every included region and the "what changed" section as they are now. */
    public static String render(Path root, Path readme, String text) {
        Matcher include = INCLUDE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (include.find()) {
            List<String> region = Regions.region(root.resolve(include.group(1)), include.group(2));
            String block = "<!-- include: " + include.group(1) + "[tag=" + include.group(2)
                    + "] -->\n```" + include.group(3) + "\n" + String.join("\n", region)
                    + "\n```";
            include.appendReplacement(out, Matcher.quoteReplacement(block));
        }
        include.appendTail(out);
        Matcher changes = CHANGES.matcher(out);
        if (!changes.find()) {
            return out.toString();
        }
        String module = root.relativize(readme.toAbsolutePath().normalize().getParent()).toString();
        String section = StepChanges.render(root, module);
        return out.substring(0, changes.start(2)) + section + out.substring(changes.end(2));
    }
}
