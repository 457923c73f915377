package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.codec.TermCodec;

/**
 * The decoder reads untrusted bytes: random and mutated input may produce a to-do list or a
 * {@link CorruptDataException}, and nothing else (no other exception, no runaway allocation).
 * The inputs come from seeded {@link SplittableRandom}s, the same on every run, so that a failure
 * names the seed that made it and comes back when run again.
 */
class TermCodecFuzzTest {

    /**
     * Runs {@code body} on {@code count} seeds, the same ones every run; a failure names its seed,
     * so that {@code body(seed)} alone makes it again.
     */
    private static void forEachSeed(int count, LongConsumer body) {
        new SplittableRandom(7_3_1).longs(count).forEach(seed -> {
            try {
                body.accept(seed);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        });
    }

    @Test
    void randomBytesAreAListOrCorrupt() {
        forEachSeed(1000, seed -> {
            var random = new SplittableRandom(seed);
            assertDecodesOrIsCorrupt(bytes(random, random.nextInt(64)));
        });
    }

    @Test
    void randomBytesAfterTheVersionAreAListOrCorrupt() {
        forEachSeed(1000, seed -> {
            var random = new SplittableRandom(seed);
            byte[] bytes = bytes(random, 1 + random.nextInt(64));
            bytes[0] = (byte) 131;
            assertDecodesOrIsCorrupt(bytes);
        });
    }

    @Test
    void mutatedListsAreAListOrCorrupt() {
        forEachSeed(2000, seed -> {
            var random = new SplittableRandom(seed);
            byte[] bytes = TermCodec.encode(list(random));
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(3)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes = Arrays.copyOf(bytes, at);
                default -> bytes[at] ^= (byte) (1 << random.nextInt(8));
            }
            assertDecodesOrIsCorrupt(bytes);
        });
    }

    @Test
    void everyListRoundTrips() {
        forEachSeed(500, seed -> {
            byte[] encoded = TermCodec.encode(list(new SplittableRandom(seed)));
            assertThat(TermCodec.encode(TermCodec.decode(encoded))).isEqualTo(encoded);
        });
    }

    /**
     * The encoder writes an ASCII title char by char and any other through {@code getBytes}: either
     * way the binary holds exactly what {@code getBytes(UTF_8)} makes. (A title with a lone
     * surrogate cannot be made: {@code TodoEntryTest}.)
     */
    @Test
    void titlesAreWrittenAsUtf8() {
        forEachSeed(500, seed -> {
            String title = title(new SplittableRandom(seed));
            byte[] utf8 = title.getBytes(StandardCharsets.UTF_8);
            byte[] encoded = TermCodec.encode(TodoList.of(List.of(
                    new TodoEntry(LocalDate.of(2023, 12, 19), title))));
            int end = encoded.length - NEXT_ID_BYTES;
            assertThat(Arrays.copyOfRange(encoded, end - utf8.length, end)).isEqualTo(utf8);
            assertThat(ByteBuffer.wrap(encoded, end - utf8.length - 4, 4).getInt())
                    .isEqualTo(utf8.length);
        });
    }

    /** What follows the last title: {@code :next_id} (3 + 7 bytes) and {@code 2} (2 bytes). */
    private static final int NEXT_ID_BYTES = 12;

    private static void assertDecodesOrIsCorrupt(byte[] bytes) {
        try {
            assertThat(TermCodec.decode(bytes)).isNotNull();
        } catch (CorruptDataException expected) {
            assertThat(expected).hasMessageContaining("at byte");
        }
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Up to 8 entries, dates anywhere in years 1-9999, titles of any text. */
    private static TodoList list(SplittableRandom random) {
        return TodoList.of(IntStream.range(0, random.nextInt(9))
                .mapToObj(i -> new TodoEntry(LocalDate.of(random.nextInt(1, 10_000),
                        random.nextInt(1, 13), random.nextInt(1, 29)), title(random)))
                .toList());
    }

    /** ASCII, any code point but a surrogate half, or one of a few known hard cases. */
    private static String title(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.ints(random.nextInt(31), 32, 127)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint,
                            StringBuilder::append)
                    .toString();
            case 1 -> random.ints(random.nextInt(31), 0, Character.MAX_CODE_POINT + 1)
                    .filter(c -> Character.getType(c) != Character.SURROGATE)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint,
                            StringBuilder::append)
                    .toString();
            default -> List.of("\uD83D\uDE00", "x\uD83D\uDE00y", "Gym ✓ ünïcødé")
                    .get(random.nextInt(3));
        };
    }
}
