package pekkotwin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PekkoSystemTest {
    @Test
    void parallelismIsOnePerCoreUnlessSet() {
        assertThat(PekkoSystem.parallelism(null))
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(PekkoSystem.parallelism("")).isEqualTo(
                Runtime.getRuntime().availableProcessors());
        assertThat(PekkoSystem.parallelism("3")).isEqualTo(3);
    }

    @Test
    void aParallelismPekkoCannotTakeIsRefusedInOneSentence() {
        assertThatThrownBy(() -> PekkoSystem.parallelism("0"))
                .hasMessage("-Dpekko.parallelism takes a whole number from 1 to 32767 (the"
                        + " dispatcher's threads), not '0'");
        assertThatThrownBy(() -> PekkoSystem.parallelism("two"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDispatcherGetsExactlyTheThreadsAskedFor() {
        var dispatcher = PekkoSystem.config(3)
                .getConfig("pekko.actor.default-dispatcher.fork-join-executor");

        assertThat(dispatcher.getInt("parallelism-min")).isEqualTo(3);
        assertThat(dispatcher.getInt("parallelism-max")).isEqualTo(3);
        assertThat(PekkoSystem.config(3).getBoolean("pekko.use-slf4j")).isFalse();
    }
}
