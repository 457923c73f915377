// Loaded by `mvn -q -pl ch7-1-mix-project -am compile exec:exec@jshell`, like `iex -S mix`.
import java.time.LocalDate;
import java.util.*;
import genserver.*;
import todo.*;
