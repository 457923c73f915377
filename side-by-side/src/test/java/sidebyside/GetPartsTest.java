package sidebyside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GetParts on a small scale: its options, and figures that add up; the figures come from a run. */
class GetPartsTest {

    @Test
    void namesDefaultToTheLoadTestsMillionAndAreGivenAsOneMavenProperty() {
        assertThat(GetParts.names()).isEqualTo(1_000_000);
        assertThat(GetParts.names("")).isEqualTo(1_000_000);
        assertThat(GetParts.names("--names 2_000")).isEqualTo(2_000);
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> GetParts.names("--names", "0"))
                .hasMessage("--names takes a positive whole number, not '0'");
        assertThatThrownBy(() -> GetParts.names("--name 5"))
                .hasMessage("unknown options '--name 5'");
        assertThatThrownBy(() -> GetParts.names("--names"))
                .hasMessage("--names needs a number after it");
    }

    @Test
    void oneNameIsOneName() throws InterruptedException {
        var bytes = new ByteArrayOutputStream();
        GetParts.run(1, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .startsWith("one client, 1 name, µs a call:");
    }

    /** The lookup inside handleCall is part of the call that asks for it, so never more. */
    @Test
    void printsFourFiguresAndTheLookupIsPartOfItsCall() throws InterruptedException {
        var bytes = new ByteArrayOutputStream();
        GetParts.run(2_000, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("one client, 2,000 names, µs a call:")
                .containsPattern("core-to-core round trip before/after: \\d+/\\d+ ns");
        assertThat(figure(out, "a call that answers its number")).isPositive();
        assertThat(figure(out, "a call that answers its name's length")).isPositive();
        assertThat(figure(out, "of which the lookup in handleCall"))
                .isLessThanOrEqualTo(figure(out, "a call that looks its name up"));
    }

    private static double figure(String out, String line) {
        Matcher m = Pattern.compile(Pattern.quote(line) + " +([0-9.]+)").matcher(out);
        assertThat(m.find()).as("a line '%s' in%n%s", line, out).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
