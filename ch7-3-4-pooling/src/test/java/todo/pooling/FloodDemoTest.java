package todo.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The flood's options: Maven hands them over as one argument, and a slip is said in one line. */
class FloodDemoTest {

    @Test
    void tenSecondsOfOneOffWorkersUnlessToldOtherwise() {
        assertThat(FloodDemo.Options.parse()).isEqualTo(
                new FloodDemo.Options(10, Design.ONE_OFF_WORKERS));
        assertThat(FloodDemo.Options.parse("")).isEqualTo(
                new FloodDemo.Options(10, Design.ONE_OFF_WORKERS));
        assertThat(FloodDemo.Options.parse("5 POOLED"))
                .isEqualTo(new FloodDemo.Options(5, Design.POOLED));
    }

    @Test
    void aDesignIsNamedInAnyCaseOrByItsNumber() {
        assertThat(FloodDemo.Options.parse("1 pooled").design()).isEqualTo(Design.POOLED);
        assertThat(FloodDemo.Options.parse("1 4").design()).isEqualTo(Design.POOLED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "-3", "0", "3601", "99999999999"})
    void secondsOutOfRangeAreRefused(String seconds) {
        assertThatIllegalArgumentException().isThrownBy(() -> FloodDemo.Options.parse(seconds))
                .withMessage("the seconds are a whole number from 1 to 3600, not '" + seconds
                        + "'");
    }

    @Test
    void anUnknownDesignIsRefusedWithTheDesigns() {
        assertThatIllegalArgumentException().isThrownBy(() -> FloodDemo.Options.parse("1 pool"))
                .withMessageStartingWith("no design 'pool'; the designs are [SINGLE_PROCESS,");
        assertThatIllegalArgumentException().isThrownBy(() -> FloodDemo.Options.parse("1 7"))
                .withMessageEndingWith("or their numbers 1 to 6");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FloodDemo.Options.parse("1 POOLED now"))
                .withMessage("takes at most two options, seconds and a design, not '1 POOLED now'");
    }
}
