package docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites the generated parts of every README: each included code region and each step's "what
 * changed" section. {@code mvn -q -pl docs compile exec:exec@refresh}; {@code WorkbookDocsTest}
 * fails while a README differs from what this writes.
 */
public final class Refresh {
    private Refresh() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "..").toAbsolutePath().normalize();
        int changed = 0;
        for (Path readme : Readmes.all(root)) {
            String text = Files.readString(readme);
            String rendered = Readmes.render(root, readme, text);
            if (!rendered.equals(text)) {
                Files.writeString(readme, rendered);
                System.out.println("refreshed " + root.relativize(readme));
                changed++;
            }
        }
        System.out.println(
                changed == 0 ? "every README is up to date" : changed + " README(s) refreshed");
    }
}
