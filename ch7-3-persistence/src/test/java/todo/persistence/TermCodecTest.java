package todo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.codec.TermCodec;

class TermCodecTest {
    /** {@code :erlang.term_to_binary} of the 7.3.2 session's list, as Elixir 1.14 / OTP 24 writes it. */
    static final byte[] DENTIST_FROM_ELIXIR = bytes(131, 116, 0, 0, 0, 3, 100, 0, 10, 95, 95, 115,
            116, 114, 117,
            99, 116, 95, 95, 100, 0, 16, 69, 108, 105, 120, 105, 114, 46, 84, 111, 100, 111, 46, 76,
            105, 115, 116, 100,
            0, 7, 101, 110, 116, 114, 105, 101, 115, 116, 0, 0, 0, 1, 97, 1, 116, 0, 0, 0, 3, 100,
            0, 4, 100, 97, 116,
            101, 116, 0, 0, 0, 5, 100, 0, 10, 95, 95, 115, 116, 114, 117, 99, 116, 95, 95, 100, 0,
            11, 69, 108, 105, 120,
            105, 114, 46, 68, 97, 116, 101, 100, 0, 8, 99, 97, 108, 101, 110, 100, 97, 114, 100, 0,
            19, 69, 108, 105,
            120, 105, 114, 46, 67, 97, 108, 101, 110, 100, 97, 114, 46, 73, 83, 79, 100, 0, 3, 100,
            97, 121, 97, 19,
            100, 0, 5, 109, 111, 110, 116, 104, 97, 12, 100, 0, 4, 121, 101, 97, 114, 98, 0, 0, 7,
            231, 100, 0, 2, 105,
            100, 97, 1, 100, 0, 5, 116, 105, 116, 108, 101, 109, 0, 0, 0, 7, 68, 101, 110, 116, 105,
            115, 116, 100, 0,
            7, 110, 101, 120, 116, 95, 105, 100, 97, 2);

    static final TodoList DENTIST = TodoList
            .of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));

    @Test
    void encodesByteForByteWhatTheBooksCodeWrites() {
        assertThat(TermCodec.encode(DENTIST)).isEqualTo(DENTIST_FROM_ELIXIR);
    }

    @Test
    void decodesWhatTheBooksCodeWrites() {
        assertThat(TermCodec.decode(DENTIST_FROM_ELIXIR)).isEqualTo(DENTIST);
    }

    @Test
    void roundTripsListsWithGapsLargeIdsUnicodeAndOldDates() {
        TodoList list = TodoList.empty();
        for (int i = 0; i < 300; i++) {
            list = list.addEntry(new TodoEntry(LocalDate.of(1999 + i % 30, 1 + i % 12, 1 + i % 28),
                    "entry " + i + " ✓ é"));
        }
        list = list.deleteEntry(7).deleteEntry(200).updateEntry(256, e -> e.withTitle(""));

        assertThat(TermCodec.decode(TermCodec.encode(list))).isEqualTo(list);
        assertThat(TermCodec.decode(TermCodec.encode(TodoList.empty())))
                .isEqualTo(TodoList.empty());
    }

    /**
     * {@code :erlang.term_to_binary(n)} for each {@code n}, as Elixir 1.14 / OTP 25 prints it: one
     * byte to 255, INTEGER_EXT (98) while the value fits 32 signed bits, then SMALL_BIG_EXT (110):
     * a length, a sign and the magnitude's bytes, least significant first.
     */
    static Stream<Arguments> integersAsErlangWritesThem() {
        return Stream.of(
                Arguments.of(255L, bytes(97, 255)),
                Arguments.of(256L, bytes(98, 0, 0, 1, 0)),
                Arguments.of(134_217_728L, bytes(98, 8, 0, 0, 0)),
                Arguments.of(2_147_483_647L, bytes(98, 127, 255, 255, 255)),
                Arguments.of(2_147_483_648L, bytes(110, 4, 0, 0, 0, 0, 128)),
                Arguments.of(4_294_967_295L, bytes(110, 4, 0, 255, 255, 255, 255)),
                Arguments.of(4_294_967_296L, bytes(110, 5, 0, 0, 0, 0, 0, 1)),
                Arguments.of(Long.MAX_VALUE, bytes(110, 8, 0, 255, 255, 255, 255, 255, 255, 255,
                        127)));
    }

    @ParameterizedTest
    @MethodSource("integersAsErlangWritesThem")
    void writesANextIdAsErlangDoes(long nextId, byte[] erlang) {
        TodoList list = new TodoList(nextId, new TreeMap<>());
        byte[] encoded = TermCodec.encode(list);

        assertThat(Arrays.copyOfRange(encoded, encoded.length - erlang.length, encoded.length))
                .isEqualTo(erlang);
    }

    @ParameterizedTest
    @MethodSource("integersAsErlangWritesThem")
    void readsANextIdAsErlangWritesIt(long nextId, byte[] erlang) {
        TodoList list = new TodoList(nextId, new TreeMap<>());
        byte[] encoded = TermCodec.encode(list);

        assertThat(Arrays.copyOfRange(encoded, encoded.length - erlang.length, encoded.length))
                .isEqualTo(erlang); // what Erlang writes
        assertThat(TermCodec.decode(encoded)).isEqualTo(list);
    }

    @Test
    void roundTripsEntriesWithIdsBeyond32Bits() {
        long first = Integer.MAX_VALUE - 1L;
        TodoList list = new TodoList(first, new TreeMap<>());
        for (int i = 0; i < 4; i++) {
            list = list.addEntry(new TodoEntry(LocalDate.of(2023, 12, 19), "entry " + i));
        }

        assertThat(list.entries().keySet()).containsExactly(first, first + 1, first + 2,
                first + 3);
        assertThat(TermCodec.decode(TermCodec.encode(list))).isEqualTo(list);
    }

    @Test
    void refusesIntegersBeyond63Bits() {
        byte[] empty = TermCodec.encode(TodoList.empty());
        byte[] prefix = Arrays.copyOf(empty, empty.length - 2); // up to the next_id's value

        assertCorrupt(concat(prefix, bytes(110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 128)),
                "an integer too large");
        assertCorrupt(concat(prefix, bytes(110, 9, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1)),
                "an integer too large");
        assertCorrupt(concat(prefix, bytes(110, 1, 2, 1)), "sign byte 2");
        assertCorrupt(concat(prefix, bytes(110, 1, 1, 1)), "nextId starts at 1");
    }

    @Test
    void readsAtomsAsOtp26AndLaterWriteThem() {
        // OTP 26 writes atoms as SMALL_ATOM_UTF8_EXT (119, one length byte) instead of ATOM_EXT.
        byte[] otp26 = TermCodec.encode(TodoList.empty());
        byte[] converted = convertAtomsToSmallUtf8(otp26);

        assertThat(converted).hasSizeLessThan(otp26.length);
        assertThat(TermCodec.decode(converted)).isEqualTo(TodoList.empty());
    }

    @Test
    void refusesWhatIsNotAToDoList() {
        assertCorrupt(new byte[0], "the data ends inside version");
        assertCorrupt(bytes(130, 116), "not an Erlang external term");
        assertCorrupt(bytes(131, 80, 0, 0, 0, 1), "a compressed term");
        assertCorrupt(Arrays.copyOf(DENTIST_FROM_ELIXIR, DENTIST_FROM_ELIXIR.length - 1),
                "the data ends inside");
        assertCorrupt(Arrays.copyOf(DENTIST_FROM_ELIXIR, DENTIST_FROM_ELIXIR.length + 1),
                "bytes after the end");
        assertCorrupt(bytes(131, 116, 127, 255, 255, 255), "a map of 2147483647 pairs in 0 bytes");
        assertCorrupt(bytes(131, 104, 2, 97, 1, 97, 2), "expected a map");
    }

    @Test
    void refusesATitleThatIsNotUtf8() {
        byte[] bytes = DENTIST_FROM_ELIXIR.clone();
        bytes[bytes.length - 19] = (byte) 0xff; // inside "Dentist"

        assertCorrupt(bytes, "is a binary that is not UTF-8 text (byte 0xFF at offset 0 of 7)");
    }

    /**
     * Lists the book's own functions make (written by Elixir 1.14 / OTP 24 with
     * {@code interop.exs write-book-cases}; {@code ElixirInteropTest} checks that they still are
     * what Elixir writes) that a {@link TodoList} cannot hold without losing or changing something.
     * Each is refused with what the book's code did, and the file stays as it was.
     */
    static Stream<Arguments> listsTheBooksCodeMakesThatATodoListCannotHold() {
        return Stream.of(
                Arguments.of("changed-id", "the entry under id 5 has an id at or past the list's"
                        + " :next_id 2. The book's update_entry makes such a list when its updater"
                        + " changes an entry's id"),
                Arguments.of("extra-key", "the entry under id 1 has the key :priority besides :id,"
                        + " :date and :title. The book's add_entry and update_entry keep every key"),
                Arguments.of("not-utf8", "the :title of the entry under id 1 is a binary that is"
                        + " not UTF-8 text (byte 0xE9 at offset 3 of 4). The book's code stores"
                        + " any binary as a title"),
                Arguments.of("charlist", "the :title of the entry under id 1 is a charlist (as"
                        + " ~c\"Dentist\" or 'Dentist'), not a string (a binary)"));
    }

    @ParameterizedTest
    @MethodSource("listsTheBooksCodeMakesThatATodoListCannotHold")
    void aListTheBooksCodeMakesButATodoListCannotHoldIsRefusedSayingWhy(String name, String why,
            @TempDir Path folder) throws IOException {
        byte[] fromElixir = bookList(name);
        Path file = folder.resolve("bob");
        Files.write(file, fromElixir);

        assertThatThrownBy(() -> new ListStore(new FileStorage(folder)).load("bob"))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageStartingWith("the to-do list 'bob' in " + file)
                .hasMessageContaining(why);
        assertThat(Files.readAllBytes(file)).isEqualTo(fromElixir);
    }

    static byte[] bookList(String name) throws IOException {
        try (var in = TermCodecTest.class.getResourceAsStream("/book-lists/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void refusesAnImpossibleDate() {
        byte[] bytes = DENTIST_FROM_ELIXIR.clone();
        int day = indexOf(bytes, bytes(100, 0, 3, 100, 97, 121, 97)) + 7;
        bytes[day] = 31; // December has 31 days; make it month 2
        int month = indexOf(bytes, bytes(100, 0, 5, 109, 111, 110, 116, 104, 97)) + 9;
        bytes[month] = 2;

        assertCorrupt(bytes, "not a date");
    }

    private static void assertCorrupt(byte[] bytes, String why) {
        assertThatThrownBy(() -> TermCodec.decode(bytes)).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining(why);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    /** Rewrites every ATOM_EXT (100, two length bytes) as SMALL_ATOM_UTF8_EXT (119, one). */
    private static byte[] convertAtomsToSmallUtf8(byte[] in) {
        var out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int b = in[i] & 0xff;
            if (i > 0 && b == 100 && in[i + 1] == 0 && (in[i + 2] & 0xff) > 0
                    && isAtomText(in, i + 3, in[i + 2] & 0xff)) {
                int length = in[i + 2] & 0xff;
                out.write(119);
                out.write(length);
                out.write(in, i + 3, length);
                i += 3 + length;
            } else {
                out.write(b);
                i++;
            }
        }
        return out.toByteArray();
    }

    private static boolean isAtomText(byte[] in, int from, int length) {
        if (from + length > in.length) {
            return false;
        }
        for (int k = from; k < from + length; k++) {
            int c = in[k] & 0xff;
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
