package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The soak, small: every design keeps every accepted entry through a slow disk that fails for a
 * while, an orderly close and a restart. {@code exec:exec@soak} runs the same with 1,000 writers.
 */
class SoakTest {
    @ParameterizedTest
    @EnumSource(Design.class)
    void everyAcceptedEntryIsOnDiskAfterAFailingDiskACloseAndARestart(Design design)
            throws Exception {
        var options = Soak.Options.parse("--writers", "20", "--entries", "3", "--write-ms", "1",
                "--fail-ms", "200", "--pace-ms", "150");

        Soak.Outcome outcome = Soak.run(design, options);

        assertThat(outcome.listsThatLost()).isEmpty();
        assertThat(outcome.onDisk()).isEqualTo(60);
    }

    @Test
    void aMistypedOptionIsNamedWithTheRightOnes() {
        assertThatThrownBy(() -> Soak.Options.parse("--writer", "10"))
                .hasMessageContaining("unknown option --writer")
                .hasMessageContaining("--writers");
    }

    @Test
    void aDesignNumberOutOfRangeIsRefused() {
        assertThatThrownBy(() -> Soak.Options.parse("--designs", "1,7"))
                .hasMessage("--designs takes a whole number from 1 to 6, not '7'");
    }

    /** A soak that runs no design would say that every design kept everything. */
    @Test
    void noDesignAtAllIsRefused() {
        assertThatThrownBy(() -> Soak.Options.parse("--designs", ","))
                .hasMessage("--designs takes a whole number from 1 to 6, not ''");
        assertThatThrownBy(() -> Soak.Options.parse("--designs", "1,"))
                .hasMessage("--designs takes a whole number from 1 to 6, not ''");
    }

    @Test
    void aCountSaysItsOwnLeastValue() {
        assertThatThrownBy(() -> Soak.Options.parse("--writers", "1 2"))
                .hasMessage("--writers takes a whole number from 1, not '1 2'");
        assertThatThrownBy(() -> Soak.Options.parse("--fail-ms", "-1"))
                .hasMessage("--fail-ms takes a whole number from 0, not '-1'");
    }
}
