package io.shopstream.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * CPU time and peak heap of this JVM, where the embedded Flink cluster runs, between {@link #start()} and
 * {@link Reading}: what one contender of the benchmark costs.
 */
final class ResourceMeter {

    /** What a contender used: CPU seconds of this JVM, and the highest heap use seen (MB). */
    record Reading(double cpuSeconds, long peakHeapMegabytes) {}

    private final long cpuAtStart;

    private ResourceMeter(long cpuAtStart) {
        this.cpuAtStart = cpuAtStart;
    }

    /**
     * Starts measuring: the garbage of what ran before is collected (a peak is reset to the current use, which would
     * otherwise carry the last contender's dead objects into this one's), the CPU time so far is noted, the heap
     * pools' peaks are reset.
     */
    static ResourceMeter start() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        return new ResourceMeter(cpuNanos());
    }

    Reading read() {
        long peak = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Reading((cpuNanos() - cpuAtStart) / 1e9, peak / (1024 * 1024));
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
