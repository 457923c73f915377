package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.codec.TermCodec;

/**
 * The decoder reads untrusted bytes: random and mutated input may produce a to-do list or a
 * {@link CorruptDataException}, and nothing else (no other exception, no runaway allocation).
 */
class TermCodecFuzzTest {

    @Property(tries = 1000)
    void randomBytesAreAListOrCorrupt(@ForAll byte[] bytes) {
        assertDecodesOrIsCorrupt(bytes);
    }

    @Property(tries = 1000)
    void randomBytesAfterTheVersionAreAListOrCorrupt(@ForAll byte[] tail) {
        byte[] bytes = new byte[tail.length + 1];
        bytes[0] = (byte) 131;
        System.arraycopy(tail, 0, bytes, 1, tail.length);
        assertDecodesOrIsCorrupt(bytes);
    }

    @Property(tries = 2000)
    void mutatedListsAreAListOrCorrupt(@ForAll("encodedLists") byte[] encoded,
            @ForAll("mutations") int[] mutation) {
        byte[] bytes = encoded.clone();
        int at = Math.floorMod(mutation[0], bytes.length);
        switch (Math.floorMod(mutation[2], 3)) {
            case 0 -> bytes[at] = (byte) mutation[1];
            case 1 -> bytes = java.util.Arrays.copyOf(bytes, at);
            default -> bytes[at] ^= (byte) (1 << Math.floorMod(mutation[1], 8));
        }
        assertDecodesOrIsCorrupt(bytes);
    }

    @Provide
    Arbitrary<byte[]> encodedLists() {
        Arbitrary<TodoEntry> entries = Combinators.combine(
                Arbitraries.integers().between(1, 9999), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28), text(Arbitraries.strings().ofMaxLength(20)))
                .as((year, month, day, title) -> new TodoEntry(LocalDate.of(year, month, day),
                        title));
        return entries.list().ofMaxSize(8).map(list -> TermCodec.encode(TodoList.of(list)));
    }

    @Provide
    Arbitrary<int[]> mutations() {
        return Arbitraries.integers().array(int[].class).ofSize(3);
    }

    private static void assertDecodesOrIsCorrupt(byte[] bytes) {
        try {
            assertThat(TermCodec.decode(bytes)).isNotNull();
        } catch (CorruptDataException expected) {
            assertThat(expected).hasMessageContaining("at byte");
        }
    }

    @Property(tries = 200)
    void everyListRoundTrips(@ForAll("encodedLists") byte[] encoded) {
        TodoList list = TermCodec.decode(encoded);
        assertThat(TermCodec.encode(list)).isEqualTo(encoded);
    }

    /**
     * The encoder writes an ASCII title char by char and any other through {@code getBytes}: either
     * way the binary holds exactly what {@code getBytes(UTF_8)} makes. (A title with a lone
     * surrogate cannot be made: {@code TodoEntryTest}.)
     */
    @Property(tries = 500)
    void titlesAreWrittenAsUtf8(@ForAll("titles") String title) {
        byte[] utf8 = title.getBytes(StandardCharsets.UTF_8);
        byte[] encoded = TermCodec.encode(TodoList.of(List.of(
                new TodoEntry(LocalDate.of(2023, 12, 19), title))));
        int end = encoded.length - NEXT_ID_BYTES;
        assertThat(Arrays.copyOfRange(encoded, end - utf8.length, end)).isEqualTo(utf8);
        assertThat(ByteBuffer.wrap(encoded, end - utf8.length - 4, 4).getInt())
                .isEqualTo(utf8.length);
    }

    /** What follows the last title: {@code :next_id} (3 + 7 bytes) and {@code 2} (2 bytes). */
    private static final int NEXT_ID_BYTES = 12;

    @Provide
    Arbitrary<String> titles() {
        return Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(30),
                text(Arbitraries.strings().all().ofMaxLength(30)),
                Arbitraries.of("\uD83D\uDE00", "x\uD83D\uDE00y", "Gym ✓ ünïcødé"));
    }

    /** Strings a title can be: every surrogate half of a pair. */
    private static Arbitrary<String> text(Arbitrary<String> strings) {
        return strings.filter(
                s -> s.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE));
    }
}
