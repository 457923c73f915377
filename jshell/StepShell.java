// The `iex -S mix` of each step: opens JShell with the step's class path and imports
// (`src/jshell/iex.jsh` of the module), or prints the plain `jshell` command for it. Maven hands
// the terminal itself to JShell (inheritIo), so line editing and tab completion work; input piped
// into Maven may be read before JShell starts, so scripts pipe into the plain command instead.
//
// Run by Maven through the `jshell` and `jshell-command` executions of the parent pom, as a
// single-file source program (`java StepShell.java ...`), so that it needs no build of its own.
// With `-pl ch7-2-cache -am`, Maven runs these executions in every module of the build, the
// steps 7.2 depends on included: only the module that was asked for (-pl) opens a shell.
//
// Arguments: open|print, the module's folder, the modules asked for (`-pl`, as Maven gives them),
// the folder Maven was started in, then the class path.

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public class StepShell {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path module = Path.of(args[1]).toAbsolutePath().normalize();
        List<String> asked = Arrays.stream(args[2].replaceFirst("^selected=\\[", "")
                .replaceFirst("]$", "").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        Path top = Path.of(args[3]).toAbsolutePath().normalize();
        String classPath = args[4];
        if (!(asked.isEmpty() ? module.equals(top) : asked.stream().anyMatch(a -> names(a, module)))) {
            return; // a dependency of the module asked for: its shell is not the one wanted
        }
        Path startup = module.resolve("src/jshell/iex.jsh");
        if (!Files.isRegularFile(startup)) {
            System.err.println(module.getFileName() + " has no JShell of its own (no "
                    + "src/jshell/iex.jsh); each step has one, e.g. "
                    + "mvn -q -pl ch7-2-cache -am compile exec:exec@jshell");
            System.exit(1);
        }
        String jshell = Path.of(System.getProperty("java.home"), "bin",
                File.separatorChar == '\\' ? "jshell.exe" : "jshell").toString();
        List<String> command = new ArrayList<>(List.of(jshell, "--class-path", classPath,
                "--startup", "DEFAULT", "--startup", startup.toString()));
        String line = String.join(" ", command.stream().map(StepShell::quote).toList());
        if (mode.equals("print")) {
            System.out.println(line);
            Path script = writeScript(module, line);
            System.err.println("| the same shell as a script: " + top.relativize(script)
                    + " (pipe input into it, e.g. printf '...\\n/exit\\n' | " + top.relativize(script)
                    + ")");
            return;
        }
        System.err.println("| JShell of " + module.getFileName() + ", with "
                + module.relativize(startup) + " (exec:exec@jshell-command prints it as a plain"
                + " jshell command)");
        Process shell = new ProcessBuilder(command).inheritIO().start();
        System.exit(shell.waitFor());
    }

    /**
     * Writes {@code target/jshell}, a shell script that runs the plain command from the module's
     * {@code target} folder (where the steps' programs run, so a list written to {@code persist/}
     * stays there), so that input can be piped into it: a pipe into {@code mvn} itself may be read
     * by Maven before JShell starts.
     */
    private static Path writeScript(Path module, String line) throws Exception {
        Path target = Files.createDirectories(module.resolve("target"));
        Path script = target.resolve("jshell");
        Files.writeString(script, "#!/bin/sh\n# Written by exec:exec@jshell-command: this step's JShell.\n"
                + "cd \"$(dirname \"$0\")\" && exec " + line + " \"$@\"\n");
        script.toFile().setExecutable(true);
        return script;
    }

    /** Whether a `-pl` entry (`ch7-2-cache`, `./ch7-2-cache/`, `:ch7-2-cache`) names the module. */
    private static boolean names(String entry, Path module) {
        String name = entry.replace('\\', '/').replaceFirst("/+$", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
        return name.equals(module.getFileName().toString());
    }

    private static String quote(String word) {
        return word.matches("[\\w./:=@+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
