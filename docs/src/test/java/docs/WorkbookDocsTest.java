package docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README code and names cannot drift. Every Java block in a README is a region of a compiled
 * source file, and equal to it line for line; every step's "what changed" section is what the
 * generator writes today; and every class, method, file, module, exec id and test class that a
 * README names in {@code code} exists. {@code mvn -q -pl docs compile exec:exec@refresh}
 * rewrites the generated parts.
 */
class WorkbookDocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
    private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)[^)]*\\)");
    private static final Pattern EXEC_COMMAND = Pattern
            .compile("mvn [^`\\n]*?-pl ([\\w./-]+)[^`\\n]*?exec:exec@([\\w-]+)");
    private static final Pattern TEST_COMMAND = Pattern
            .compile("mvn [^`\\n]*?-pl ([\\w./-]+)[^`\\n]*?-Dtest=(\\w+)");
    /** {@code Type} or {@code Type.member} or {@code Type.member(...)}, as Java writes them. */
    private static final Pattern JAVA_NAME = Pattern
            .compile("(?:new )?([A-Z]\\w*)(?:\\.([a-z]\\w*))?(?:\\(.*\\))?(?:;)?");
    private static final Pattern FILE_NAME = Pattern
            .compile("[\\w.-]*(?:/[\\w. -]+)*\\.(?:java|md|png|jsh|exs|xml|prefs|properties)");
    private static final List<String> JDK_PACKAGES = List.of("java.lang", "java.util",
            "java.util.concurrent", "java.util.concurrent.locks", "java.util.concurrent.atomic",
            "java.util.function", "java.util.stream", "java.nio.file", "java.nio.channels",
            "java.io", "java.time", "java.lang.management", "java.util.logging");
    /** Names a README uses that are not Java classes of the workbook or the JDK, and why. */
    private static final Set<String> OTHER_NAMES = Set.of(
            // Elixir and OTP, in the "book versus Java" tables
            "Todo", "GenServer.start_link", "Mix", "Mod", "Path.join", "File.write", "File.read",
            "Process.info", "Process.alive", "Process.send_after", "Repo", "ExUnit",
            "Todo.ListTest", "Todo.CacheTest",
            // libraries the workbook uses or names
            "HikariCP", "H2", "PCollections", "JUnit", "AssertJ", "Awaitility",
            "Mockito", "ArchUnit", "JFreeChart", "Spotless", "JShell", "JMH", "Temurin", "Test",
            "JAVA_HOME", "IntelliJ", "Eclipse",
            // a field of Linux's /proc/self/status, which LoadTest reads
            "VmHWM");

    /** Files of the book's Elixir project, which the "book versus Java" tables name. */
    private static final Set<String> BOOK_FILES = Set.of("mix.exs", "_test.exs");

    @Test
    void everyReadmeIsWhatRefreshWrites() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Path readme : Readmes.all(ROOT)) {
            String text = Files.readString(readme);
            String rendered = Readmes.render(ROOT, readme, text);
            if (!rendered.equals(text)) {
                stale.add(firstDifference(readme, text, rendered));
            }
        }
        assertThat(stale).as("READMEs whose included code or \"what changed\" section is out of"
                + " date; run `" + Readmes.REFRESH + "`").isEmpty();
    }

    /** The steps of the chapter: each README shows the book's code beside its Java twin. */
    private static final List<String> STEPS = List.of("ch7-1-mix-project", "ch7-2-cache",
            "ch7-3-persistence", "ch7-3-4-pooling");

    @Test
    void everyStepShowsTheBooksCodeBesideItsJavaTwin() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String step : STEPS) {
            String text = Files.readString(ROOT.resolve(step).resolve("README.md"));
            List<String> elixir = Readmes.INCLUDE.matcher(text).results()
                    .filter(m -> m.group(3).equals("elixir")).map(m -> m.group(1)).toList();
            List<String> java = Readmes.INCLUDE.matcher(text).results()
                    .filter(m -> m.group(3).equals("java")).map(m -> m.group(1)).toList();
            if (elixir.isEmpty()
                    || java.stream().noneMatch(s -> s.startsWith(step + "/src/main"))) {
                problems.add(step + "/README.md shows " + elixir.size() + " regions of the book's"
                        + " Elixir and " + java.size() + " of Java, none of its own main code");
            }
            elixir.stream().filter(s -> !s.matches("[\\w./-]+/src/elixir/[\\w.-]+\\.exs?"))
                    .forEach(s -> problems.add(step + "/README.md: " + s
                            + " is not the book's code in a step's src/elixir"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyJavaBlockIsARegionOfACompiledSourceFile() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path readme : Readmes.all(ROOT)) {
            String text = Files.readString(readme);
            long javaBlocks = FENCE.matcher(text).results().filter(f -> f.group(1).equals("java"))
                    .count();
            List<String> sources = Readmes.INCLUDE.matcher(text).results()
                    .filter(m -> m.group(3).equals("java")).map(m -> m.group(1)).toList();
            if (sources.size() != javaBlocks) {
                problems.add(ROOT.relativize(readme) + ": " + javaBlocks + " java blocks, "
                        + sources.size()
                        + " of them preceded by `<!-- include: path[tag=name] -->`");
            }
            sources.stream().filter(s -> !s.matches("[\\w./-]+/src/(main|test)/java/.+\\.java"))
                    .forEach(s -> problems.add(ROOT.relativize(readme) + ": " + s
                            + " is not a compiled source file (src/main/java or src/test/java)"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyCommandNamesAModuleAnExecutionAndATestThatExist() throws IOException {
        List<String> problems = new ArrayList<>();
        String parentPom = Files.readString(ROOT.resolve("pom.xml"));
        int commands = 0;
        for (Path readme : Readmes.all(ROOT)) {
            String text = Files.readString(readme);
            Matcher exec = EXEC_COMMAND.matcher(text);
            while (exec.find()) {
                commands++;
                Path pom = ROOT.resolve(exec.group(1)).resolve("pom.xml");
                String id = "<id>" + exec.group(2) + "</id>";
                if (!Files.exists(pom)
                        || !(Files.readString(pom).contains(id) || parentPom.contains(id))) {
                    problems.add(ROOT.relativize(readme) + ": " + exec.group());
                }
            }
            Matcher test = TEST_COMMAND.matcher(text);
            while (test.find()) {
                commands++;
                Path tests = ROOT.resolve(test.group(1)).resolve("src/test/java");
                String file = test.group(2) + ".java";
                boolean found = false;
                if (Files.isDirectory(tests)) {
                    try (Stream<Path> files = Files.walk(tests)) {
                        found = files.anyMatch(f -> f.getFileName().toString().equals(file));
                    }
                }
                if (!found) {
                    problems.add(ROOT.relativize(readme) + ": " + test.group());
                }
            }
        }
        assertThat(commands).isGreaterThan(10);
        assertThat(problems).as("README commands that name a missing module, execution or test")
                .isEmpty();
    }

    @Test
    void everyClassMethodAndFileANamesExists() throws IOException {
        Map<String, List<Path>> types = workbookTypes();
        List<String> problems = new ArrayList<>();
        for (Path readme : Readmes.all(ROOT)) {
            String prose = FENCE.matcher(Files.readString(readme)).replaceAll("");
            Matcher span = SPAN.matcher(prose);
            while (span.find()) {
                String problem = check(readme, span.group(1).strip(), types);
                if (problem != null) {
                    problems.add(ROOT.relativize(readme) + ": `" + span.group(1) + "` " + problem);
                }
            }
            Matcher link = LINK.matcher(prose);
            while (link.find()) {
                String target = link.group(1);
                if (!target.contains("://")
                        && !Files.exists(readme.getParent().resolve(target))) {
                    problems.add(ROOT.relativize(readme) + ": link to missing " + target);
                }
            }
        }
        assertThat(problems).as("names in READMEs that stand for nothing in the workbook")
                .isEmpty();
    }

    private static String check(Path readme, String span, Map<String, List<Path>> types)
            throws IOException {
        if (FILE_NAME.matcher(span).matches()) {
            // What programs write (under target/) is not in a fresh clone.
            boolean output = span.contains("target/") || span.contains("persist/");
            return output || BOOK_FILES.contains(span) || fileExists(readme, span)
                    ? null
                    : "is no file of the workbook";
        }
        Matcher name = JAVA_NAME.matcher(span);
        if (!name.matches() || span.contains(":") || OTHER_NAMES.contains(name.group(1))
                || OTHER_NAMES.contains(name.group(1) + "." + name.group(2))) {
            return null;
        }
        String type = name.group(1);
        String member = name.group(2);
        if (!types.containsKey(type)) {
            return jdkClass(type) || type.equals(type.toUpperCase())
                    ? null
                    : "names no class of the workbook or the JDK";
        }
        if (member == null || types.get(type).isEmpty()) {
            return null;
        }
        for (Path file : types.get(type)) {
            if (Pattern.compile("\\b" + member + "\\b").matcher(Files.readString(file)).find()) {
                return null;
            }
        }
        return "names no member of " + type + " (" + types.get(type).stream()
                .map(ROOT::relativize).toList() + ")";
    }

    private static boolean fileExists(Path readme, String name) throws IOException {
        if (Files.exists(readme.getParent().resolve(name)) || Files.exists(ROOT.resolve(name))) {
            return true;
        }
        // A path under a module (`src/test/java/...`), or with `...` for the folders between.
        String[] parts = name.split("/\\.\\.\\./");
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> !Readmes.ignored(ROOT.relativize(f)))
                    .map(f -> ROOT.relativize(f).toString().replace('\\', '/'))
                    .anyMatch(f -> f.endsWith(parts[parts.length - 1])
                            && (parts.length == 1 || f.startsWith(parts[0])));
        }
    }

    private static boolean jdkClass(String simpleName) {
        for (String pkg : JDK_PACKAGES) {
            try {
                Class.forName(pkg + "." + simpleName, false,
                        WorkbookDocsTest.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return false;
    }

    /**
     * Simple type name (top-level or nested) -> the source files that declare it; a library class
     * that some source imports counts too, with no file (its members are not checked).
     */
    private static Map<String, List<Path>> workbookTypes() throws IOException {
        Pattern declaration = Pattern.compile("\\b(?:class|interface|record|enum) ([A-Z]\\w*)");
        Pattern imported = Pattern.compile("(?m)^import (?:static )?[\\w.]+\\.([A-Z]\\w*);");
        Map<String, List<Path>> types = new HashMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !Readmes.ignored(ROOT.relativize(f))).toList()) {
                String source = Files.readString(file);
                Matcher m = declaration.matcher(source);
                while (m.find()) {
                    types.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(file);
                }
                Matcher i = imported.matcher(source);
                while (i.find()) {
                    types.putIfAbsent(i.group(1), new ArrayList<>());
                }
            }
        }
        return types;
    }

    private static String firstDifference(Path readme, String text, String rendered) {
        List<String> now = text.lines().toList();
        List<String> want = rendered.lines().toList();
        int line = 0;
        while (line < now.size() && line < want.size() && now.get(line).equals(want.get(line))) {
            line++;
        }
        return ROOT.relativize(readme) + ":" + (line + 1) + ": is \""
                + (line < now.size() ? now.get(line) : "(end)") + "\", the sources say \""
                + (line < want.size() ? want.get(line) : "(end)") + "\"";
    }
}
