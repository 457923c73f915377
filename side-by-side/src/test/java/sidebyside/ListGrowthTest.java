package sidebyside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** Smoke test of the benchmark: its options, its line, and the twin's line in the same words. */
class ListGrowthTest {
    private static final String LINE = "added 1000 entries to one list in [0-9]+\\.[0-9]{2} ms";

    @Test
    void printsOneLinePerSize() {
        var out = new ByteArrayOutputStream();
        var options = ListGrowth.Options
                .parse("--entries 1000 --entries 2_000 --warm-up-ms 0");

        assertThat(ListGrowth.run(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err)).isTrue();

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2)
                .satisfiesExactly(first -> assertThat(first).matches(LINE),
                        second -> assertThat(second).startsWith("added 2000 entries"));
    }

    @Test
    void readsItsOptions() {
        assertThat(ListGrowth.Options.parse()).isEqualTo(
                new ListGrowth.Options(List.of(20_000, 100_000), 1_000, 0));
        assertThat(ListGrowth.Options.parse("--vs-elixir --entries 50,000"))
                .isEqualTo(new ListGrowth.Options(List.of(50_000), 1_000, 3));
        assertThat(ListGrowth.Options.parse("--entries", "7", "--vs-elixir", "5", "--warm-up-ms",
                "0").twinArgs()).containsExactly("--entries", "7", "--warm-up-ms", "0");
        assertThatThrownBy(() -> ListGrowth.Options.parse("--entries 0"))
                .hasMessageContaining("--entries takes a whole number of at least 1, not '0'");
        assertThatThrownBy(() -> ListGrowth.Options.parse("--warm-up-ms soon"))
                .hasMessageContaining("--warm-up-ms takes a whole number of at least 0");
        assertThatThrownBy(() -> ListGrowth.Options.parse("--entries"))
                .hasMessageContaining("unknown option '--entries'");
    }

    @Test
    @EnabledIf("sidebyside.SideBySide#elixirInstalled")
    void theElixirTwinPrintsTheSameLine() throws IOException, InterruptedException {
        String output = SideBySide.elixirOutput("../ch7-1-mix-project/src/elixir/list_growth.exs",
                "--entries", "1000",
                "--warm-up-ms", "0");

        assertThat(output.lines()).as(output).singleElement()
                .satisfies(line -> assertThat(line).matches(LINE));
    }
}
