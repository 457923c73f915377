package sidebyside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class CoreToCoreTest {

    @Test
    void eachRoundSetsTheMachinesRoundTripBesideTheBareHandOffs() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two processors");
        var out = new ByteArrayOutputStream();

        CoreToCore.report(2, new PrintStream(out, true));

        assertThat(out.toString().lines()).hasSize(2).allMatch(line -> line.matches(
                "core-to-core round trip +\\d+ ns; bare hand-off [0-9.]+ µs, from 64 clients +[0-9,]+/s"));
    }

    @Test
    void roundsAreAWholeNumberFromOneToAThousand() {
        assertThat(CoreToCore.rounds()).isEqualTo(20);
        assertThat(CoreToCore.rounds("5")).isEqualTo(5);
        assertThatThrownBy(() -> CoreToCore.rounds("0"))
                .hasMessage("rounds must be a whole number from 1 to 1000, not '0'");
        assertThatThrownBy(() -> CoreToCore.rounds("ten"))
                .hasMessage("rounds must be a whole number from 1 to 1000, not 'ten'");
    }
}
