// Step 7.3.4's `iex -S mix`: mvn -q -pl ch7-3-4-pooling -am compile exec:exec@jshell
// The to-do server and cache are 7.3's; the databases are this step's (package todo.pooling).
import java.time.LocalDate;
import java.util.*;
import genserver.*;
import todo.TodoEntry;
import todo.TodoList;
import todo.persistence.*;
import todo.pooling.*;
// The demo (exec:exec@ch7-3-4) writes the same folder: say which lists are already there.
System.out.println(todo.persistence.Main.persistFolder(FileStorage.DEFAULT_FOLDER));
