package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import todo.TodoEntry;
import todo.TodoList;

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
                Arbitraries.integers().between(1, 28), Arbitraries.strings().ofMaxLength(20))
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
}
