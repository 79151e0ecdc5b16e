package io.shopstream.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * CPU time and peak heap of this JVM, where the embedded Flink cluster runs, between {@link #start()} and
 * {@link #read()}: what one contender of the benchmark costs.
 *
 * <p>The peak heap is the most the heap held right after a garbage collection (live objects, and old ones a
 * collection has not reached yet), not the most it held at any instant: that counts garbage, and grows with however
 * large the collector has let the young generation become, which depends on what ran before.
 */
final class ResourceMeter {

    /** What a contender used: CPU seconds of this JVM, and the highest heap use after a collection (MB). */
    record Reading(double cpuSeconds, long peakHeapMegabytes) {}

    private final long cpuAtStart;
    private final AtomicLong peakAfterCollection;
    private final NotificationListener listener;

    private ResourceMeter(long cpuAtStart, long heapAtStart) {
        this.cpuAtStart = cpuAtStart;
        this.peakAfterCollection = new AtomicLong(heapAtStart);
        this.listener = (notification, handback) -> heapAfterCollection(notification)
                .ifPresent(heap -> peakAfterCollection.accumulateAndGet(heap, Math::max));
        collectors().forEach(collector -> collector.addNotificationListener(listener, null, null));
    }

    /**
     * Starts measuring: the garbage of what ran before is collected, so the heap starts from what is alive; the CPU
     * time so far is noted.
     */
    static ResourceMeter start() {
        System.gc();
        long heap = heapPools().stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        return new ResourceMeter(cpuNanos(), heap);
    }

    /** The figures since {@link #start()}; the meter stops watching collections. */
    Reading read() {
        collectors().forEach(collector -> {
            try {
                collector.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // Not every collector emits notifications: nothing was added to it.
            }
        });
        return new Reading((cpuNanos() - cpuAtStart) / 1e9, peakAfterCollection.get() / (1024 * 1024));
    }

    /** The heap in use right after the collection a notification reports; empty for any other notification. */
    static OptionalLong heapAfterCollection(Notification notification) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return OptionalLong.empty();
        }
        Set<String> heapPools = heapPools().stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        return OptionalLong.of(info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum());
    }

    /** The collectors that tell of each collection they make. */
    static List<NotificationEmitter> collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(NotificationEmitter.class::isInstance).map(NotificationEmitter.class::cast).toList();
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
