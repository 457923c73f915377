package docs;

import static org.assertj.core.api.Assertions.assertThat;

import bsh.Interpreter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The check that stops {@code -Dtest} naming nothing ({@code .mvn/checks/test-names-a-test.bsh}),
 * run by the BeanShell the enforcer plugin uses, on a workbook of one module whose test sources
 * hold each shape surefire runs: a plain test class, one whose tests are inherited from an abstract
 * class or from an interface's default methods, an outer class whose tests are all in a
 * {@code @Nested} class. Each pattern it lets through was checked against surefire (what
 * {@code mvn test -Dtest=...} ran); each it stops, surefire would have run nothing for.
 */
class TestNameCheckTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path workbook;

    /** The sources are read, not compiled: no imports are needed. */
    private static final Map<String, String> SOURCES = Map.of(
            "PlainTest.java", """
                    package app;
                    class PlainTest {
                        String decoy = "@Test void decoy() {";
                        @Test
                        void works() {}
                        @ParameterizedTest
                        @ValueSource(ints = {1, 2})
                        void other(int n) {}
                    }
                    """,
            "Base.java", """
                    package app;
                    abstract class Base {
                        @Test
                        void inherited() {}
                    }
                    """,
            "ChildTest.java", """
                    package app;
                    class ChildTest extends Base {}
                    """,
            "Checks.java", """
                    package app;
                    interface Checks<T> {
                        @Test
                        default void fromInterface() {}
                    }
                    """,
            "ImplTest.java", """
                    package app;
                    class ImplTest implements Comparable<ImplTest>, Checks<Map<String, Integer>> {
                        public int compareTo(ImplTest other) { return 0; }
                    }
                    """,
            "Outer.java", """
                    package app;
                    class Outer {
                        @Nested
                        class Inner {
                            @Test
                            void inner() {}
                        }
                    }
                    """,
            "Holder.java", """
                    package app;
                    class Holder {
                        static class Inner {
                            @Test
                            void held() {}
                        }
                    }
                    """,
            "Helper.java", """
                    package app;
                    class Helper {
                        static int help() { return 1; }
                    }
                    """);

    @BeforeAll
    static void aWorkbookOfOneModule() throws IOException {
        Path checks = Files.createDirectories(workbook.resolve(".mvn/checks"));
        for (String check : new String[]{"test-names-a-test.bsh", "selected-module.bsh"}) {
            Files.copy(ROOT.resolve(".mvn/checks").resolve(check), checks.resolve(check));
        }
        Files.writeString(workbook.resolve("pom.xml"), "<project/>");
        Path module = Files.createDirectories(workbook.resolve("mod"));
        Files.writeString(module.resolve("pom.xml"),
                "<project><parent/><artifactId>mod</artifactId></project>");
        Path app = Files.createDirectories(module.resolve("src/test/java/app"));
        for (var source : SOURCES.entrySet()) {
            Files.writeString(app.resolve(source.getKey()), source.getValue());
        }
    }

    record Verdict(boolean passes, String said) {}

    /** The check of {@code mvn test -pl mod -Dtest=<test>}: its verdict and what it printed. */
    private static Verdict check(String test) throws Exception {
        return check(test, "[mod]");
    }

    /** The same with {@code -pl} as Maven prints the list: {@code [mod/pom.xml]}, say. */
    private static Verdict check(String test, String selected) throws Exception {
        var printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        String[] keys = {"maven.multiModuleProjectDirectory", "test", "eia.ch7.dtest.passed"};
        String[] before = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            before[i] = System.getProperty(keys[i]);
        }
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setProperty(keys[0], workbook.toString());
            System.setProperty(keys[1], test);
            System.clearProperty(keys[2]);
            var bsh = new Interpreter();
            bsh.set("selected", selected);
            Object passes = bsh
                    .source(workbook.resolve(".mvn/checks/test-names-a-test.bsh").toString());
            return new Verdict((Boolean) passes, printed.toString(StandardCharsets.UTF_8).trim());
        } finally {
            System.setOut(out);
            for (int i = 0; i < keys.length; i++) {
                if (before[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], before[i]);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PlainTest", "PlainTest#works", "PlainTest#works+other",
            "PlainTest#wo*", "app.PlainTest", "app/PlainTest", "**/Plain*", "app.**",
            "PlainTest,ChildTest", "ChildTest#inherited", "ImplTest#fromInterface", "Outer",
            "Outer$Inner", "Outer$Inner#inner", "Holder$Inner#held", "%regex[.*Plain.*]",
            "%regex[app/PlainTest.class]",
            "!PlainTest", "!PlainTest,!ChildTest"})
    void passesWhatSurefireRuns(String test) throws Exception {
        assertThat(check(test)).isEqualTo(new Verdict(true, ""));
    }

    @Test
    void aModuleNamedByItsPomIsTheModule() throws Exception {
        assertThat(check("PlainTest#works", "[mod/pom.xml]")).isEqualTo(new Verdict(true, ""));
    }

    /** Surefire matches a %regex against the class's file, pkg/Class.class, and nothing else. */
    @ParameterizedTest
    @ValueSource(strings = {"%regex[PlainTest]", "%regex[app.PlainTest]", "%regex[.*Nothing.*]"})
    void aRegexThatMatchesNoClassFileIsStoppedWithTheFiles(String test) throws Exception {
        assertThat(check(test)).isEqualTo(new Verdict(false, "[ERROR] -Dtest=" + test
                + " matches no"
                + " test class; surefire matches it against the class files: app/ChildTest.class,"
                + " app/Holder$Inner.class, app/ImplTest.class, app/Outer.class,"
                + " app/Outer$Inner.class, app/PlainTest.class."));
    }

    @Test
    void aBrokenRegexIsStopped() throws Exception {
        assertThat(check("%regex[(]"))
                .isEqualTo(new Verdict(false,
                        "[ERROR] -Dtest=%regex[(] is no regex (Unclosed group)."));
    }

    /** !Class runs every other test class: excluding them all would run none and pass. */
    @Test
    void excludingEveryTestClassIsStopped() throws Exception {
        assertThat(check("!PlainTest,!ChildTest,!ImplTest,!Outer*,!Holder*")).isEqualTo(
                new Verdict(false, "[ERROR] -Dtest=!PlainTest,!ChildTest,!ImplTest,!Outer*,!Holder*"
                        + " leaves out every test class: surefire would run none. Name the ones to"
                        + " run instead."));
        assertThat(check("!%regex[.*]").passes()).isFalse();
    }

    @Test
    void excludingWhatTheOthersNameIsStopped() throws Exception {
        assertThat(check("PlainTest,!PlainTest")).isEqualTo(new Verdict(false, "[ERROR]"
                + " -Dtest=PlainTest,!PlainTest leaves out every test class it names: surefire would"
                + " run none. Name the ones to run instead."));
        assertThat(check("*Test,!PlainTest").passes()).isTrue();
    }

    @Test
    void aMistypedClassIsStoppedWithTheModulesTestClasses() throws Exception {
        assertThat(check("PlanTest")).isEqualTo(new Verdict(false, "[ERROR] -Dtest=PlanTest names"
                + " no test class of mod. Its test classes: ChildTest, Holder$Inner, ImplTest, Outer,"
                + " Outer$Inner, PlainTest."));
    }

    @Test
    void oneMistypedPatternOfSeveralIsStopped() throws Exception {
        assertThat(check("PlainTest,PlanTest").said())
                .startsWith("[ERROR] -Dtest=PlainTest,PlanTest: PlanTest names no test class");
    }

    @Test
    void aMistypedMethodIsStoppedWithTheClassesMethods() throws Exception {
        assertThat(check("ChildTest#inheritd")).isEqualTo(new Verdict(false, "[ERROR]"
                + " -Dtest=ChildTest#inheritd names no test method inheritd of ChildTest. Its test"
                + " methods: inherited."));
    }

    @Test
    void aNestedClassesMethodAfterItsOuterClassIsStoppedWithItsRightName() throws Exception {
        assertThat(check("Outer#inner")).isEqualTo(new Verdict(false, "[ERROR] -Dtest=Outer#inner"
                + " names no test method inner of Outer. It has no test methods of its own. A"
                + " nested class's method is named with its class: -Dtest='Outer$Inner#inner'."));
    }

    /** A static nested class without @Nested is a test class of its own; its outer class is not. */
    @ParameterizedTest
    @ValueSource(strings = {"Base", "Checks", "Helper", "Base#inherited", "Holder"})
    void stopsClassesSurefireLeavesOut(String test) throws Exception {
        Verdict verdict = check(test);
        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.said()).contains(" names no test class of mod.");
    }

    @Test
    void aPackageWrittenWithAStarIsStoppedWithTheWaySurefireReadsIt() throws Exception {
        assertThat(check("app.*").said()).endsWith("Surefire reads a last .* as a file's"
                + " extension, so app.* names a class app; a package's test classes are app.**"
                + " (or app/* without its subpackages).");
    }

    @Test
    void aMethodAfterADotIsStoppedWithTheHash() throws Exception {
        assertThat(check("PlainTest.works").said())
                .endsWith("-Dtest writes a method after a #, not a dot: -Dtest=PlainTest#works.");
    }

    @Test
    void aHashWithNoMethodIsStopped() throws Exception {
        assertThat(check("PlainTest#").said()).contains("has no method after its #");
    }
}
