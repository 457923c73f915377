package todo.persistence.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.CorruptDataException;

/**
 * {@code :erlang.term_to_binary/1} and {@code binary_to_term/1} for exactly one kind of term: the
 * book's {@code %Todo.List{next_id: n, entries: %{id => %{id: id, date: ~D[...], title: "..."}}}}.
 *
 * <p>Why not a general ETF library: the decoder reads files from disk, which are untrusted bytes.
 * This one follows the shape of a to-do list and nothing else, so it cannot be made to build
 * other objects, recurse deeper than that shape, or allocate more than the input's own length
 * justifies. Anything else is a {@link CorruptDataException}.
 *
 * <p>The bytes. For a list of at most 32 entries, the encoder writes byte for byte what
 * {@code term_to_binary} writes in OTP 24 and 25: atoms as {@code ATOM_EXT}, and every map (the
 * list, its entries, each entry, each date) in Erlang term order, as OTP writes a map of at most
 * 32 keys. OTP keeps a larger map as a hash trie and writes its pairs in the order of its internal
 * hash, which this encoder does not reproduce: the entries of a list of 33 or more are written in
 * id order. That is valid ETF ({@code MAP_EXT} may come in any order), which
 * {@code binary_to_term} reads into a term equal to the book's list, but not the same bytes
 * ({@code ElixirInteropTest.upTo32EntriesTheBytesAreOtpsAndBeyondAnEqualTerm}). OTP 26+ writes
 * atoms as {@code SMALL_ATOM_UTF8_EXT}, which the decoder reads too.
 *
 * <p>What the book's code can store but a {@link TodoList} cannot hold is refused, not read into
 * something else, so that the next store cannot lose or change it; the message names the entry
 * and says what the book's code did. The file is left as it is. Three such lists:
 *
 * <ul>
 *   <li>an entry whose id an {@code update_entry} changed: the book files it under the new id
 *       (at or past {@code next_id}, or below 1) and keeps the old one, which Java's
 *       {@code updateEntry} refuses to do;
 *   <li>an entry with keys besides {@code :id}, {@code :date} and {@code :title}:
 *       {@code add_entry} keeps every key of the map it is given, and a {@link TodoEntry} has no
 *       place for them;
 *   <li>a title that is not a UTF-8 binary (a Latin-1 binary, a charlist): a Java string cannot
 *       hold it unchanged.
 * </ul>
 */
public final class TermCodec {
    private static final int VERSION = 131;
    private static final int SMALL_INTEGER_EXT = 97;
    private static final int INTEGER_EXT = 98;
    private static final int ATOM_EXT = 100;
    private static final int SMALL_ATOM_EXT = 115;
    private static final int ATOM_UTF8_EXT = 118;
    private static final int SMALL_ATOM_UTF8_EXT = 119;
    private static final int SMALL_BIG_EXT = 110;
    private static final int BINARY_EXT = 109;
    private static final int MAP_EXT = 116;
    private static final int LARGE_BIG_EXT = 111;
    private static final int NEW_FLOAT_EXT = 70;
    private static final int SMALL_TUPLE_EXT = 104;
    private static final int LARGE_TUPLE_EXT = 105;
    private static final int NIL_EXT = 106;
    private static final int STRING_EXT = 107;
    private static final int LIST_EXT = 108;
    private static final int BIT_BINARY_EXT = 77;
    private static final int COMPRESSED = 80;

    private TermCodec() {}

    // ---- term_to_binary ----

    /**
     * The list as the book's code would store it. Two passes over the entries: the first sizes the
     * array exactly, the second fills it, so that nothing is copied or grown on the way.
     */
    public static byte[] encode(TodoList list) {
        return encode(list, Integer.MAX_VALUE - 8);
    }

    /**
     * The list as the book's code would store it, if that takes at most {@code maxBytes}. The
     * sizing pass allocates nothing and stops at the first entry past the cap, so a list far
     * larger than the cap costs no memory to refuse.
     *
     * @throws TooLargeException as soon as the sizing pass passes {@code maxBytes}
     */
    public static byte[] encode(TodoList list, long maxBytes) {
        var size = new Writer(null, maxBytes);
        write(size, list);
        size.withinCap();
        var out = new Writer(new byte[size.position], maxBytes);
        write(out, list);
        return out.bytes;
    }

    /** An encoding larger than the cap it was given; nothing more was encoded. */
    public static final class TooLargeException extends IllegalStateException {
        TooLargeException(long maxBytes) {
            super("its encoding is larger than the cap of " + maxBytes + " bytes");
        }
    }

    private static void write(Writer out, TodoList list) {
        out.u8(VERSION);
        out.map(3); // keys in term order: __struct__, entries, next_id
        out.atom("__struct__");
        out.atom("Elixir.Todo.List");
        out.atom("entries");
        out.map(list.entries().size());
        list.entries().forEach((id, entry) -> {
            out.integer(id);
            out.map(3); // date, id, title
            out.atom("date");
            date(out, entry.date());
            out.atom("id");
            out.integer(entry.id());
            out.atom("title");
            out.utf8Binary(entry.title());
            out.withinCap();
        });
        out.atom("next_id");
        out.integer(list.nextId());
    }

    private static void date(Writer out, LocalDate date) {
        out.map(5); // __struct__, calendar, day, month, year
        out.atom("__struct__");
        out.atom("Elixir.Date");
        out.atom("calendar");
        out.atom("Elixir.Calendar.ISO");
        out.atom("day");
        out.integer(date.getDayOfMonth());
        out.atom("month");
        out.integer(date.getMonthValue());
        out.atom("year");
        out.integer(date.getYear());
    }

    /**
     * Writes terms into an array of the right size, or, without an array, only counts the bytes
     * they take: the same code sizes and fills, so the two cannot disagree.
     */
    private static final class Writer {
        final byte[] bytes;
        final long maxBytes;
        int position;

        Writer(byte[] bytes, long maxBytes) {
            this.bytes = bytes;
            this.maxBytes = maxBytes;
        }

        /** Throws once the encoding has passed the cap (checked after each entry). */
        void withinCap() {
            if (position > maxBytes || position < 0) { // below 0: past Integer.MAX_VALUE
                throw new TooLargeException(maxBytes);
            }
        }

        void u8(int value) {
            if (bytes != null) {
                bytes[position] = (byte) value;
            }
            position++;
        }

        void int32(int value) {
            if (bytes != null) {
                bytes[position] = (byte) (value >>> 24);
                bytes[position + 1] = (byte) (value >>> 16);
                bytes[position + 2] = (byte) (value >>> 8);
                bytes[position + 3] = (byte) value;
            }
            position += 4;
        }

        void map(int arity) {
            u8(MAP_EXT);
            int32(arity);
        }

        /** An atom of the codec's own, all ASCII, so each char is one byte. */
        void atom(String name) {
            u8(ATOM_EXT);
            u8(name.length() >> 8);
            u8(name.length());
            ascii(name);
        }

        /** As Erlang writes an integer: one byte, four, or a bignum beyond 32 bits. */
        void integer(long value) {
            if (value >= 0 && value <= 255) {
                u8(SMALL_INTEGER_EXT);
                u8((int) value);
            } else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                u8(INTEGER_EXT);
                int32((int) value);
            } else {
                long magnitude = Math.abs(value); // Long.MIN_VALUE stays negative: unsigned below
                int length = (Long.SIZE - Long.numberOfLeadingZeros(magnitude) + 7) / 8;
                u8(SMALL_BIG_EXT);
                u8(length);
                u8(value < 0 ? 1 : 0);
                for (int i = 0; i < length; i++) {
                    u8((int) (magnitude >>> (8 * i)));
                }
            }
        }

        /**
         * A binary of the title's UTF-8 bytes, exactly as {@code String.getBytes(UTF_8)} makes
         * them, written straight into the array: one loop over the chars to size it, one to fill
         * it, no array in between. A title has no lone surrogate ({@link TodoEntry} refuses one
         * as it is made), so none can become {@code ?} here.
         */
        void utf8Binary(String title) {
            u8(BINARY_EXT);
            int length = title.length();
            if (bytes == null) {
                int utf8 = 0;
                for (int i = 0; i < length; i++) {
                    char c = title.charAt(i);
                    if (c < 0x80) {
                        utf8 += 1;
                    } else if (c < 0x800) {
                        utf8 += 2;
                    } else if (pair(title, i)) {
                        utf8 += 4;
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException(
                                "a title with a lone surrogate at index " + i);
                    } else {
                        utf8 += 3;
                    }
                }
                int32(utf8);
                position += utf8;
                return;
            }
            int start = position + 4;
            int at = start;
            for (int i = 0; i < length; i++) {
                char c = title.charAt(i);
                if (c < 0x80) {
                    bytes[at++] = (byte) c;
                } else if (c < 0x800) {
                    bytes[at++] = (byte) (0xc0 | c >> 6);
                    bytes[at++] = (byte) (0x80 | c & 0x3f);
                } else if (pair(title, i)) {
                    int code = Character.toCodePoint(c, title.charAt(++i));
                    bytes[at++] = (byte) (0xf0 | code >> 18);
                    bytes[at++] = (byte) (0x80 | code >> 12 & 0x3f);
                    bytes[at++] = (byte) (0x80 | code >> 6 & 0x3f);
                    bytes[at++] = (byte) (0x80 | code & 0x3f);
                } else if (Character.isSurrogate(c)) { // unreachable: the sizing pass threw
                    throw new IllegalArgumentException(
                            "a title with a lone surrogate at index " + i);
                } else {
                    bytes[at++] = (byte) (0xe0 | c >> 12);
                    bytes[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                    bytes[at++] = (byte) (0x80 | c & 0x3f);
                }
            }
            int32(at - start);
            position = at;
        }

        /** A high surrogate at {@code i} followed by a low one: one code point, four bytes. */
        private static boolean pair(String text, int i) {
            return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
        }

        private void ascii(String text) {
            if (bytes != null) {
                for (int i = 0; i < text.length(); i++) {
                    bytes[position + i] = (byte) text.charAt(i);
                }
            }
            position += text.length();
        }
    }

    // ---- binary_to_term ----

    /**
     * The list these bytes encode.
     *
     * @throws CorruptDataException if they are anything but a to-do list, saying what is wrong
     */
    public static TodoList decode(byte[] bytes) {
        var in = new Reader(bytes);
        int version = in.u8("version");
        if (version != VERSION) {
            throw in.corrupt(
                    "not an Erlang external term (first byte " + version + ", expected 131)");
        }
        if (in.peek() == COMPRESSED) {
            throw in.corrupt("a compressed term; the book's code never writes one");
        }
        TodoList list = list(in);
        if (in.remaining() != 0) {
            throw in.corrupt(in.remaining() + " bytes after the end of the term");
        }
        return list;
    }

    private static TodoList list(Reader in) {
        int arity = in.mapArity("%Todo.List{}");
        SortedMap<Long, TodoEntry> entries = null;
        Long nextId = null;
        boolean struct = false;
        for (int i = 0; i < arity; i++) {
            String key = in.atom();
            switch (key) {
                case "__struct__" -> struct = in.expectAtom("Elixir.Todo.List", struct);
                case "entries" -> entries = in.once(entries, key, () -> entries(in));
                case "next_id" -> nextId = in.once(nextId, key, () -> in.integer(":next_id"));
                default -> throw in.corrupt("unexpected key :" + key + " in %Todo.List{}");
            }
        }
        if (!struct || entries == null || nextId == null) {
            throw in.corrupt("%Todo.List{} needs :__struct__, :entries and :next_id");
        }
        for (long id : entries.keySet()) {
            if (id < 1 || id >= nextId) {
                throw in.corrupt("the entry under id " + id
                        + (id < 1
                                ? " has an id below 1"
                                : " has an id at or past the list's :next_id " + nextId)
                        + ". The book's update_entry makes such a list when its updater changes an"
                        + " entry's id: it files the entry under the new id and keeps the old one."
                        + " Java's updateEntry refuses to change an id, and a TodoList cannot hold"
                        + " this entry, so the list is not read; give the entry back its id, or"
                        + " raise :next_id past it, in Elixir");
            }
        }
        try {
            return new TodoList(nextId, entries);
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
    }

    private static SortedMap<Long, TodoEntry> entries(Reader in) {
        int arity = in.mapArity("entries");
        var entries = new TreeMap<Long, TodoEntry>();
        for (int i = 0; i < arity; i++) {
            long id = in.integer("a key in :entries (an entry's id)");
            TodoEntry entry = entry(in, id);
            if (entries.put(id, entry) != null) {
                throw in.corrupt("entry id " + id + " appears twice");
            }
        }
        return entries;
    }

    private static TodoEntry entry(Reader in, long under) {
        String entry = "the entry under id " + under;
        int arity = in.mapArity(entry);
        Long id = null;
        LocalDate date = null;
        String title = null;
        for (int i = 0; i < arity; i++) {
            if (in.peek() != -1 && !Reader.isAtom(in.peek())) {
                throw extraKey(in, entry, "a key that is " + Reader.describe(in.peek()));
            }
            String key = in.atom();
            switch (key) {
                case "id" -> id = in.once(id, key, () -> in.integer(entry + "'s :id"));
                case "date" -> date = in.once(date, key, () -> date(in));
                case "title" -> title = in.once(title, key, () -> in.utf8Binary(entry));
                default -> throw extraKey(in, entry, "the key :" + key);
            }
        }
        if (id == null || date == null || title == null) {
            throw in.corrupt(entry + " has no " + (id == null
                    ? ":id"
                    : date == null
                            ? ":date"
                            : ":title")
                    + "; an entry needs :id, :date and :title");
        }
        if (id != under) {
            throw in.corrupt(entry + " has :id " + id
                    + "; the book's code files every entry under its own id");
        }
        try {
            return new TodoEntry(id, date, title);
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
    }

    private static CorruptDataException extraKey(Reader in, String entry, String key) {
        return in.corrupt(entry + " has " + key + " besides :id, :date and :title. The book's"
                + " add_entry and update_entry keep every key an entry map has, but a Java TodoEntry"
                + " has only those three: reading it would drop the others at its next store,"
                + " so the list is not read");
    }

    private static LocalDate date(Reader in) {
        int arity = in.mapArity("a date");
        boolean struct = false;
        boolean calendar = false;
        Long year = null;
        Long month = null;
        Long day = null;
        for (int i = 0; i < arity; i++) {
            String key = in.atom();
            switch (key) {
                case "__struct__" -> struct = in.expectAtom("Elixir.Date", struct);
                case "calendar" -> calendar = in.expectAtom("Elixir.Calendar.ISO", calendar);
                case "year" -> year = in.once(year, key, () -> in.integer("a date's :year"));
                case "month" -> month = in.once(month, key, () -> in.integer("a date's :month"));
                case "day" -> day = in.once(day, key, () -> in.integer("a date's :day"));
                default -> throw in.corrupt("unexpected key :" + key + " in a date");
            }
        }
        if (!struct || !calendar || year == null || month == null || day == null) {
            throw in.corrupt("a %Date{} needs :__struct__, :calendar, :year, :month and :day");
        }
        try {
            return LocalDate.of(Math.toIntExact(year), Math.toIntExact(month),
                    Math.toIntExact(day));
        } catch (DateTimeException | ArithmeticException e) {
            throw in.corrupt("not a date: " + e.getMessage());
        }
    }

    /** Bounds-checked reading: every length is checked against the bytes that are left. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int remaining() {
            return bytes.length - position;
        }

        int peek() {
            return position < bytes.length ? bytes[position] & 0xff : -1;
        }

        int u8(String what) {
            need(1, what);
            return bytes[position++] & 0xff;
        }

        int u16(String what) {
            need(2, what);
            int value = ((bytes[position] & 0xff) << 8) | (bytes[position + 1] & 0xff);
            position += 2;
            return value;
        }

        int i32(String what) {
            need(4, what);
            int value = ((bytes[position] & 0xff) << 24) | ((bytes[position + 1] & 0xff) << 16)
                    | ((bytes[position + 2] & 0xff) << 8) | (bytes[position + 3] & 0xff);
            position += 4;
            return value;
        }

        /** A map's arity; each pair takes at least two bytes, so a larger count is a lie. */
        int mapArity(String what) {
            int tag = u8(what);
            if (tag != MAP_EXT) {
                throw corrupt("expected a map for " + what + ", found " + describe(tag));
            }
            int arity = i32(what);
            if (arity < 0 || (long) arity * 2 > remaining()) {
                throw corrupt("a map of " + Integer.toUnsignedString(arity) + " pairs in "
                        + remaining() + " bytes");
            }
            return arity;
        }

        String atom() {
            int tag = u8("an atom");
            int length = switch (tag) {
                case ATOM_EXT, ATOM_UTF8_EXT -> u16("an atom's length");
                case SMALL_ATOM_EXT, SMALL_ATOM_UTF8_EXT -> u8("an atom's length");
                default -> throw corrupt("expected an atom, found " + describe(tag));
            };
            need(length, "an atom");
            var charset = tag == ATOM_EXT || tag == SMALL_ATOM_EXT
                    ? StandardCharsets.ISO_8859_1
                    : StandardCharsets.UTF_8;
            String atom = new String(bytes, position, length, charset);
            position += length;
            return atom;
        }

        boolean expectAtom(String expected, boolean seen) {
            if (seen) {
                throw corrupt("a key appears twice where :" + expected + " is expected");
            }
            String atom = atom();
            if (!atom.equals(expected)) {
                throw corrupt("expected :" + expected + ", found :" + atom);
            }
            return true;
        }

        /** An integer that is {@code what} (for the message if it is none). */
        long integer(String what) {
            int tag = u8("an integer");
            return switch (tag) {
                case SMALL_INTEGER_EXT -> u8("an integer");
                case INTEGER_EXT -> i32("an integer");
                case SMALL_BIG_EXT -> bigInteger();
                default -> throw corrupt(
                        "expected an integer for " + what + ", found " + describe(tag));
            };
        }

        static boolean isAtom(int tag) {
            return tag == ATOM_EXT || tag == ATOM_UTF8_EXT || tag == SMALL_ATOM_EXT
                    || tag == SMALL_ATOM_UTF8_EXT;
        }

        /** What kind of term a tag starts, in Elixir's words, for messages. */
        static String describe(int tag) {
            return switch (tag) {
                case ATOM_EXT, ATOM_UTF8_EXT, SMALL_ATOM_EXT, SMALL_ATOM_UTF8_EXT ->
                    "an atom (nil, true and false are atoms too)";
                case SMALL_INTEGER_EXT, INTEGER_EXT, SMALL_BIG_EXT, LARGE_BIG_EXT -> "an integer";
                case NEW_FLOAT_EXT -> "a float";
                case BINARY_EXT -> "a binary (a string)";
                case BIT_BINARY_EXT -> "a bitstring";
                case STRING_EXT -> "a charlist (as ~c\"Dentist\" or 'Dentist')";
                case LIST_EXT -> "a list";
                case NIL_EXT -> "an empty list";
                case SMALL_TUPLE_EXT, LARGE_TUPLE_EXT -> "a tuple";
                case MAP_EXT -> "a map";
                case -1 -> "the end of the data";
                default -> "a term with tag " + tag;
            };
        }

        /**
         * Erlang writes integers beyond 32 bits as bignums (little-endian magnitude, then a sign);
         * a to-do id fits in a long, so anything wider is refused before it is read.
         */
        private long bigInteger() {
            int length = u8("a big integer");
            int sign = u8("a big integer");
            need(length, "a big integer");
            if (sign > 1) {
                throw corrupt("a big integer with sign byte " + sign);
            }
            long magnitude = 0;
            for (int i = length - 1; i >= 0; i--) {
                if (magnitude >>> (Long.SIZE - 8) != 0) {
                    throw corrupt("an integer too large for a to-do list");
                }
                magnitude = (magnitude << 8) | (bytes[position + i] & 0xff);
            }
            if (magnitude < 0) { // 2^63 and beyond: even -2^63 is no id, date or count
                throw corrupt("an integer too large for a to-do list");
            }
            position += length;
            return sign == 0 ? magnitude : -magnitude;
        }

        /** The title of {@code entry}: a binary of UTF-8 text, as the book's strings are. */
        String utf8Binary(String entry) {
            int tag = u8("a title");
            if (tag != BINARY_EXT) {
                throw corrupt("the :title of " + entry + " is " + describe(tag)
                        + ", not a string (a binary); a Java title cannot be anything else, so"
                        + " the list is not read");
            }
            int length = i32("a title's length");
            if (length < 0) {
                throw corrupt("a binary of " + Integer.toUnsignedString(length) + " bytes");
            }
            need(length, "a title");
            var in = ByteBuffer.wrap(bytes, position, length);
            var out = CharBuffer.allocate(length); // at most one char per byte
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (result.isError()) {
                int offset = in.position() - position;
                throw corrupt(String.format("the :title of %s is a binary that is not UTF-8"
                        + " text (byte 0x%02X at offset %d of %d). The book's code stores any"
                        + " binary as a title, but a Java string cannot hold these bytes"
                        + " unchanged, so the list is not read", entry,
                        bytes[position + offset] & 0xff, offset, length));
            }
            position += length;
            return out.flip().toString();
        }

        <T> T once(T current, String key, java.util.function.Supplier<T> read) {
            if (current != null) {
                throw corrupt("key :" + key + " appears twice");
            }
            return read.get();
        }

        private void need(int count, String what) {
            if (count < 0 || count > remaining()) {
                throw corrupt("the data ends inside " + what);
            }
        }

        CorruptDataException corrupt(String why) {
            return new CorruptDataException(why + " (at byte " + position + ")");
        }
    }
}
