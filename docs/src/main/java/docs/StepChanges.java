package docs;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What a step changed since the step before: the classes and tests it adds, and for each class
 * that an earlier step also has (by simple name: 7.3's {@code TodoServer} replaces 7.1's) a diff
 * of the two classes' outlines (types, fields and method signatures, parsed by javac).
 */
public final class StepChanges {
    /** The steps in book order: module folder and section. */
    static final List<String[]> STEPS = List.of(new String[]{"ch7-1-mix-project", "7.1"},
            new String[]{"ch7-2-cache", "7.2"}, new String[]{"ch7-3-persistence", "7.3"},
            new String[]{"ch7-3-4-pooling", "7.3.4"});

    private StepChanges() {}

    /** The Markdown of the section for {@code module}, a step after the first. */
    public static String render(Path root, String module) {
        int step = indexOf(module);
        if (step < 1) {
            throw new IllegalArgumentException(module + " is not a step after 7.1: "
                    + STEPS.stream().map(s -> s[0]).toList());
        }
        var out = new StringBuilder();
        Map<String, Path> classes = sources(root, step, "main");
        List<String> added = new ArrayList<>();
        List<String> diffs = new ArrayList<>();
        for (var entry : classes.entrySet()) {
            int earlier = earlierStepWith(root, step, "main", entry.getKey());
            if (earlier < 0) {
                added.add("`" + entry.getKey() + "`");
                continue;
            }
            Path before = sources(root, earlier, "main").get(entry.getKey());
            List<String> diff = diff(outline(before), outline(entry.getValue()));
            String title = "`" + qualified(root, earlier, before) + "` (" + STEPS.get(earlier)[1]
                    + ") -> `" + qualified(root, step, entry.getValue()) + "`";
            if (diff.stream().allMatch(line -> line.startsWith(" "))) {
                diffs.add(title + ": the same outline; only bodies differ.\n");
            } else {
                diffs.add(title + ":\n\n```diff\n" + String.join("\n", diff) + "\n```\n");
            }
        }
        List<String> addedTests = new ArrayList<>();
        for (String test : sources(root, step, "test").keySet()) {
            if (earlierStepWith(root, step, "test", test) < 0) {
                addedTests.add("`" + test + "`");
            }
        }
        out.append("Generated from the sources by `").append(Readmes.REFRESH)
                .append("`; `WorkbookDocsTest` fails when it is out of date.\n\n");
        out.append("- New classes: ").append(added.isEmpty() ? "none" : String.join(", ", added))
                .append(".\n");
        out.append("- New tests: ")
                .append(addedTests.isEmpty() ? "none" : String.join(", ", addedTests))
                .append(".\n");
        out.append("- Classes that replace an earlier step's class of the same name, as outlines"
                + " (`-` only in the earlier one, `+` only in this one):\n\n");
        diffs.forEach(d -> out.append(d).append("\n"));
        return out.toString();
    }

    private static int indexOf(String module) {
        for (int i = 0; i < STEPS.size(); i++) {
            if (STEPS.get(i)[0].equals(module)) {
                return i;
            }
        }
        return -1;
    }

    private static int earlierStepWith(Path root, int step, String set, String simpleName) {
        for (int i = step - 1; i >= 0; i--) {
            if (sources(root, i, set).containsKey(simpleName)) {
                return i;
            }
        }
        return -1;
    }

    /** Simple class name -> file, for {@code src/<set>/java} of a step. */
    private static Map<String, Path> sources(Path root, int step, String set) {
        Path dir = root.resolve(STEPS.get(step)[0]).resolve("src").resolve(set).resolve("java");
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(f -> f.toString().endsWith(".java")).forEach(f -> files
                    .put(f.getFileName().toString().replaceFirst("\\.java$", ""), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String qualified(Path root, int step, Path file) {
        Path dir = root.resolve(STEPS.get(step)[0]).resolve("src/main/java");
        return dir.relativize(file).toString().replaceFirst("\\.java$", "").replace('/', '.')
                .replace('\\', '.');
    }

    /**
     * The outline of a source file: one line per type, field and method (with nested types
     * indented), as written, without bodies, annotations or comments.
     */
    static List<String> outline(Path file) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (var files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            var task = (JavacTask) javac.getTask(null, files, diagnostic -> {
            }, List.of("-proc:none"),
                    null, files.getJavaFileObjects(file));
            String source = Files.readString(file);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            List<String> lines = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree c) {
                        outline(c, unit, positions, source, "", lines);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    private static void outline(ClassTree type, CompilationUnitTree unit, SourcePositions positions,
            String source, String indent, List<String> lines) {
        long start = positions.getStartPosition(unit, type);
        // The header ends at the body's brace; a record's components stand before it.
        long bodyStart = headerEnd(source, (int) start);
        lines.add(indent + signature(source.substring((int) start, (int) bodyStart)));
        for (Tree member : type.getMembers()) {
            long at = positions.getStartPosition(unit, member);
            if (at < bodyStart) {
                continue; // generated, or a record component already in the header
            }
            switch (member) {
                case ClassTree nested -> outline(nested, unit, positions, source, indent + "  ",
                        lines);
                case MethodTree method -> {
                    long end = method.getBody() == null
                            ? positions.getEndPosition(unit, method)
                            : positions.getStartPosition(unit, method.getBody());
                    lines.add(indent + "  " + signature(source.substring((int) at, (int) end)));
                }
                case VariableTree field -> {
                    String text = source.substring((int) at,
                            (int) positions.getEndPosition(unit, field));
                    lines.add(indent + "  " + signature(text.split("=", 2)[0]));
                }
                default -> {
                }
            }
        }
    }

    /** The index of the brace that opens the body of the type declared at {@code start}. */
    private static int headerEnd(String source, int start) {
        int depth = 0;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '(' || c == '<') {
                depth++;
            } else if (c == ')' || c == '>') {
                depth--;
            } else if (c == '{' && depth == 0) {
                return i;
            }
        }
        return source.length();
    }

    private static String signature(String text) {
        String flat = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ")
                .replaceAll("\\s+", " ").strip();
        flat = flat.replaceAll("^(@[\\w.]+(\\([^)]*\\))? )+", "");
        return flat.replaceAll("[;{]$", "").strip();
    }

    /** A line diff (longest common subsequence) of two outlines. */
    static List<String> diff(List<String> before, List<String> after) {
        int[][] common = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            if (i < before.size() && j < after.size() && before.get(i).equals(after.get(j))) {
                lines.add(" " + before.get(i++));
                j++;
            } else if (i < before.size()
                    && (j == after.size() || common[i + 1][j] >= common[i][j + 1])) {
                lines.add("-" + before.get(i++));
            } else {
                lines.add("+" + after.get(j++));
            }
        }
        return lines;
    }
}
