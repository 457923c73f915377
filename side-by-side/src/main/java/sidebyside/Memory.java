package sidebyside;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** What a benchmark reports of its JVM's memory, the same way in every twin that runs on one. */
public final class Memory {
    private Memory() {}

    /** The heap still in use after a full collection, in bytes. */
    public static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The JVM's high-water mark of resident memory (VmHWM), where Linux tells it. */
    public static OptionalLong peakRssMegabytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) >> 10)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
