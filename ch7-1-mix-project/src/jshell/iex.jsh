// Step 7.1's `iex -S mix`: mvn -q -pl ch7-1-mix-project -am compile exec:exec@jshell
import java.time.LocalDate;
import java.util.*;
import genserver.*;
import todo.*;
