package sidebyside;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import todo.persistence.BottleneckDemo;

class PersistenceLoadTest {
    @Test
    void theSideBySideTableFindsEachFigureInWhatTheDemoPrints() {
        String printed = BottleneckDemo.capLine(3_312.4, 1) + "\n"
                + new BottleneckDemo.Figures(10_000, 2.5, 9_876, 0).summary() + "\n";

        assertThat(PersistenceLoad.figures()).extracting(figure -> {
            var line = printed.lines().filter(l -> figure.pattern().matcher(l).find())
                    .findFirst().orElseThrow();
            var matcher = figure.pattern().matcher(line);
            matcher.find();
            return matcher.group(1);
        }).containsExactly("4,000", "3,312");
    }
}
