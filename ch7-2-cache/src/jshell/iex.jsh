// Step 7.2's `iex -S mix`: mvn -q -pl ch7-2-cache -am compile exec:exec@jshell
import java.time.LocalDate;
import java.util.*;
import genserver.*;
import todo.*;
import todo.cache.*;
