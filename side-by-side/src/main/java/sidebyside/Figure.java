package sidebyside;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One figure that a benchmark prints, found in its output by a pattern whose first group is the
 * number ({@code "average put ([0-9.]+) µs"}). Both twins must print it in the same words.
 *
 * @param name what the table calls it
 * @param unit what the number counts ({@code µs}, {@code entries/s}, {@code MB})
 * @param pattern finds the number in one line of output
 * @param higherIsBetter whether more is better (a rate) or less is (a time, a size)
 * @param everyTwin whether every twin prints it: a run that does not is incomplete; a figure only
 *     one twin prints (Pekko's client actors) is shown as "-" for the others
 */
public record Figure(String name, String unit, Pattern pattern, boolean higherIsBetter,
        boolean everyTwin) {

    /** A figure where less is better: a time or a size. */
    public static Figure lowerIsBetter(String name, String unit, String regex) {
        return new Figure(name, unit, Pattern.compile(regex), false, true);
    }

    /** A figure where more is better: a rate. */
    public static Figure higherIsBetter(String name, String unit, String regex) {
        return new Figure(name, unit, Pattern.compile(regex), true, true);
    }

    /** This figure, printed by some twins only. */
    public Figure onlySomeTwins() {
        return new Figure(name, unit, pattern, higherIsBetter, false);
    }

    /** The number in the first line of {@code output} that matches, if any. */
    public OptionalDouble find(String output) {
        for (String line : output.split("\\R")) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return OptionalDouble.of(Double.parseDouble(m.group(1).replace(",", "")));
            }
        }
        return OptionalDouble.empty();
    }
}
