package pekkotwin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import sidebyside.Figure;

class LoadTestTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws InterruptedException {
        return LoadTest.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsEveryFigureOfTheJavaTwinWithAPositiveNumber() throws InterruptedException {
        assertThat(run("--processes 2000 --clients 4 --round-trips 2000")).isZero();

        String output = out.toString(StandardCharsets.UTF_8);
        for (Figure figure : LoadTest.figures()) {
            assertThat(figure.find(output)).as(figure.name() + " in\n" + output).isPresent();
            assertThat(figure.find(output).getAsDouble()).as(figure.name()).isPositive();
        }
        assertThat(output).contains("peak RSS with 2,000 servers: ")
                .contains("requests/second through one cache, 4 clients: ")
                .contains("requests/second through one cache, 4 clients with 16 calls in flight")
                .contains("requests/second through one cache, 4 actor clients: ");
    }

    @Test
    void theActorClientsAndPipeliningLinesAreNotReadAsTheBlockingClientsLine() {
        Figure blocking = LoadTest.figures().get(3);

        assertThat(blocking.find("requests/second through one cache, 4 actor clients: 9"))
                .isEmpty();
        assertThat(blocking.find(
                "requests/second through one cache, 4 clients with 16 calls in flight each: 9"))
                .isEmpty();
        assertThat(blocking.find("requests/second through one cache, 4 clients: 9")).hasValue(9);
    }

    @Test
    void moreClientsThanNamesAreRefusedAsTheJavaTwinRefusesThem() throws InterruptedException {
        assertThat(run("--processes", "200", "--clients", "3000")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(
                "LoadTest: --clients 3000 is more than the 200 names there are to ask for");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBadOptionIsOneLineAndAUsage() throws InterruptedException {
        assertThat(run("--processes", "0")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(
                "LoadTest: --processes takes a positive whole number, not '0'")
                .contains("usage: LoadTest");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
