// Step 7.3's `iex -S mix`: mvn -q -pl ch7-3-persistence -am compile exec:exec@jshell
// 7.3 has its own TodoServer and TodoCache (package todo.persistence): 7.1's are not imported.
import java.time.LocalDate;
import java.util.*;
import genserver.*;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.*;
// The demo (exec:exec@ch7-3) writes the same folder: say which lists are already there.
System.out.println(todo.persistence.Main.persistFolder(FileStorage.DEFAULT_FOLDER));
