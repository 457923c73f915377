package todo.persistence;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another program on a folder, for {@link AnotherProgramOnTheFolderTest}: starts the database of
 * the folder it is given, says {@code holding}, and closes it once its standard input ends.
 */
public final class HoldTheFolder {
    private HoldTheFolder() {}

    public static void main(String[] args) throws IOException {
        try (var database = TodoDatabase.start(Path.of(args[0]))) {
            System.out.println("holding");
            System.out.flush();
            System.in.readAllBytes();
        }
    }
}
