package exercise.timeout;

import exercises.StarterCheck;
import org.junit.jupiter.api.Test;

/** The starter code, as shipped, fails every test, each with its instruction. */
class StarterFailsTest {
    @Test
    void everyTestFailsAgainstTheStarter() {
        StarterCheck.assertEveryTestFailsWithAnInstruction(CallTimeoutTest.class);
    }
}
