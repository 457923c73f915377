package sidebyside;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import todo.cache.LoadTest;

/** What a benchmark reports of its JVM's memory, the same way in every twin that runs on one. */
public final class Memory {
    private Memory() {}

    /** The heap still in use after a full collection, in bytes. */
    public static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * The JVM's high-water mark of resident memory (VmHWM), where Linux tells it: the same figure
     * step 7.2's {@code LoadTest} prints, read the same way.
     */
    public static OptionalLong peakRssMegabytes() {
        return LoadTest.peakRssMegabytes();
    }
}
