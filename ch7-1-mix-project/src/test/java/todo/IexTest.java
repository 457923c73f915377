package todo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Iex#drift} finds a printed Java line that is not the code its lambda runs. */
class IexTest {
    private static final String SOURCE = """
            static void replay(Iex iex) {
                // a comment is not code
                var cache = iex.eval("{:ok, cache} = Todo.Cache.start()",
                        "var cache = TodoCache.start();", () -> TodoCache.start());
                iex.run("Todo.Server.add_entry(bobs_list, %{title: \\"Dentist\\"})",
                        "TodoServer.addEntry(bobsList, new TodoEntry(\\"Dentist\\"));",
                        () -> TodoServer.addEntry(
                                bobsList, new TodoEntry("Dentist")));
            }
            """;

    /** A session's failure, as iex prints one: the kind and the message on one line. */
    @Test
    void anErrorIsOneLineAsIexPrintsIt() {
        assertThat(Iex.error(new IllegalStateException("the folder persist is used\n  by another")))
                .isEqualTo("** (IllegalStateException) the folder persist is used by another");
        assertThat(Iex.error(new UnsupportedOperationException()))
                .isEqualTo("** (UnsupportedOperationException)");
    }

    @Test
    void acceptsJavaLinesThatAreTheirLambdasCodeWrappedAsTheFormatterWraps() {
        List<String> lines = List.of("iex> {:ok, cache} = Todo.Cache.start()",
                "java> var cache = TodoCache.start();", "#PID<0.100.0>",
                "iex> Todo.Server.add_entry(bobs_list, %{title: \"Dentist\"})",
                "java> TodoServer.addEntry(bobsList, new TodoEntry(\"Dentist\"));", ":ok");

        assertThat(Iex.drift(lines, SOURCE)).isEmpty();
    }

    @Test
    void flagsAJavaLineThatIsNotTheCodeItsLambdaRuns() {
        List<String> lines = List
                .of("java> TodoServer.addEntry(bobsList, new TodoEntry(\"Gym\"));");

        assertThat(Iex.drift(lines, SOURCE)).singleElement().asString()
                .startsWith("java> TodoServer.addEntry(bobsList, new TodoEntry(\"Gym\")); is not");
    }

    @Test
    void flagsAJavaLineWhoseNameIsNotTheOneTheValueIsBoundTo() {
        List<String> lines = List.of("java> var todoCache = TodoCache.start();");

        assertThat(Iex.drift(lines, SOURCE)).hasSize(1);
    }

    @Test
    void flagsAnIexLineWithNoJavaLineAfterIt() {
        List<String> lines = List.of("iex> {:ok, cache} = Todo.Cache.start()", "#PID<0.100.0>");

        assertThat(Iex.drift(lines, SOURCE))
                .containsExactly(
                        "iex> {:ok, cache} = Todo.Cache.start() has no java> line after it");
    }
}
