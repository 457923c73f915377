package todo.persistence.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.FileStorage;
import todo.persistence.ListStore;
import todo.persistence.safety.ListNames;

class ListNamesTest {
    @TempDir
    Path folder;

    @Test
    void aMissingNameIsSaidToBeMissingNotEmpty() {
        assertThatThrownBy(() -> ListNames.requireValid(null))
                .hasMessage("a to-do list name must be given, not null");
        assertThatThrownBy(() -> ListNames.requireValid(""))
                .hasMessage("a to-do list name must not be empty");
    }

    /**
     * On Linux {@code ..\bob} is one file name; on Windows it is {@code bob} in the folder above.
     * A name means one file everywhere, so it is refused everywhere, before any file is made.
     */
    @Test
    void aBackslashIsRefusedOnEverySystemBeforeAnyFileIsMade() throws Exception {
        assertThatThrownBy(() -> ListNames.requireValid("..\\bob"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a to-do list name must not contain '\\' (a folder separator on"
                        + " Windows): ..\\bob");
        var store = new ListStore(new FileStorage(folder));
        TodoList list = TodoList.of(List.of(new TodoEntry(LocalDate.of(2023, 12, 19), "Dentist")));

        assertThatThrownBy(() -> store.save("a\\b", list))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'\\'");
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }
}
