package rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README code cannot drift: every line of a {@code java} block in a README stands in a source
 * file of the workbook, and every command that runs a step names a module and an execution that
 * exist.
 */
class WorkbookDocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXEC_COMMAND = Pattern
            .compile("mvn [^`\\n]*-pl ([\\w./-]+)[^`\\n]*exec:exec@([\\w-]+)");
    private static final Pattern TEST_COMMAND = Pattern
            .compile("mvn [^`\\n]*-pl ([\\w./-]+)[^`\\n]*-Dtest=(\\w+)");

    @Test
    void everyLineOfJavaInAReadmeIsInTheSources() throws IOException {
        String sources = normalise(String.join("\n", read(javaSources())));
        List<String> missing = new ArrayList<>();
        for (Path readme : readmes()) {
            Matcher block = JAVA_BLOCK.matcher(Files.readString(readme));
            while (block.find()) {
                block.group(1).lines().map(String::strip).filter(line -> !line.isEmpty())
                        .filter(line -> !sources.contains(normalise(line)))
                        .forEach(line -> missing.add(ROOT.relativize(readme) + ": " + line));
            }
        }
        assertThat(missing).as("README lines of Java found in no source file").isEmpty();
    }

    @Test
    void everyCommandNamesAModuleAndAnExecutionThatExist() throws IOException {
        List<String> problems = new ArrayList<>();
        int commands = 0;
        for (Path readme : readmes()) {
            String text = Files.readString(readme);
            Matcher exec = EXEC_COMMAND.matcher(text);
            while (exec.find()) {
                commands++;
                Path pom = ROOT.resolve(exec.group(1)).resolve("pom.xml");
                if (!Files.exists(pom)
                        || !Files.readString(pom).contains("<id>" + exec.group(2) + "</id>")) {
                    problems.add(ROOT.relativize(readme) + ": " + exec.group());
                }
            }
            Matcher test = TEST_COMMAND.matcher(text);
            while (test.find()) {
                commands++;
                try (Stream<Path> files = Files
                        .walk(ROOT.resolve(test.group(1)).resolve("src/test/java"))) {
                    if (files.noneMatch(
                            f -> f.getFileName().toString().equals(test.group(2) + ".java"))) {
                        problems.add(ROOT.relativize(readme) + ": " + test.group());
                    }
                }
            }
        }
        assertThat(commands).isGreaterThan(10);
        assertThat(problems).as("README commands that name a missing module, execution or test")
                .isEmpty();
    }

    private static String normalise(String code) {
        return code.replaceAll("\\s+", " ");
    }

    private static List<Path> readmes() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.getFileName().toString().equals("README.md"))
                    .filter(f -> !f.toString().contains("/target/")).toList();
        }
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .toList();
        }
    }

    private static List<String> read(List<Path> files) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            texts.add(Files.readString(file));
        }
        return texts;
    }
}
