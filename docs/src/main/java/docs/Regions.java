package docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A region of a source file, between {@code // tag::name[]} and {@code // end::name[]} (the
 * markers of Asciidoctor and the Spring guides), or {@code # tag::name[]} in the book's Elixir
 * ({@code .ex}, {@code .exs}). Marker lines of other regions inside it are left out, and the
 * common indentation is removed, so that a README shows the region as a reader would write it.
 */
public final class Regions {
    private static final Pattern MARKER = Pattern.compile("\\s*(//|#) (tag|end)::[\\w-]+\\[]\\s*");

    private Regions() {}

    /** The lines of region {@code tag} in {@code file}; fails naming the file if there is none. */
    public static List<String> region(Path file, String tag) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String comment = file.toString().matches(".*\\.exs?") ? "# " : "// ";
        int start = indexOf(lines, comment + "tag::" + tag + "[]", 0);
        int end = start < 0 ? -1 : indexOf(lines, comment + "end::" + tag + "[]", start);
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException(file + " has no region `" + comment + "tag::" + tag
                    + "[]` ... `" + comment + "end::" + tag + "[]`");
        }
        List<String> region = new ArrayList<>();
        for (String line : lines.subList(start + 1, end)) {
            if (!MARKER.matcher(line).matches()) {
                region.add(line.stripTrailing());
            }
        }
        return dedent(region);
    }

    private static int indexOf(List<String> lines, String marker, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
    }
}
