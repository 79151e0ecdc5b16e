package io.shopstream.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

class ResourceMeterTest {

    private static final int MB = 1024 * 1024;
    private static final int RETAINED_MB = 200;

    @Test
    void thePeakHeapIsWhatIsAliveAfterACollectionNotGarbageNorWhatRanBefore() throws Exception {
        ResourceMeter holding = ResourceMeter.start();
        long heapBefore = heapUsedMegabytes();
        byte[][] retained = allocate(RETAINED_MB);
        // Registered after the meter's listener, so it hears of a collection after the meter has.
        CountDownLatch collected = new CountDownLatch(1);
        NotificationListener afterMeter = (notification, handback) -> {
            if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)
                    && heapAfter(notification.getUserData()) >= (heapBefore + RETAINED_MB - 10) * MB) {
                collected.countDown();
            }
        };
        collectors().forEach(collector -> collector.addNotificationListener(afterMeter, null, null));
        try {
            System.gc();
            assertThat(collected.await(1, TimeUnit.MINUTES)).as("a collection with the retained arrays alive")
                    .isTrue();
        } finally {
            for (NotificationEmitter collector : collectors()) {
                try {
                    collector.removeNotificationListener(afterMeter);
                } catch (ListenerNotFoundException ignored) {
                    // Added to every emitter above.
                }
            }
        }
        long whileHolding = holding.read().peakHeapMegabytes();
        Reference.reachabilityFence(retained);
        retained = null;

        ResourceMeter garbageOnly = ResourceMeter.start();
        for (int i = 0; i < 3 * RETAINED_MB * 16; i++) {
            Reference.reachabilityFence(new byte[MB / 16]);
        }
        long withGarbageOnly = garbageOnly.read().peakHeapMegabytes();

        assertThat(whileHolding).isGreaterThanOrEqualTo(heapBefore + RETAINED_MB - 10);
        assertThat(withGarbageOnly).as("600 MB of garbage, and the last meter's arrays, are not counted")
                .isLessThanOrEqualTo(whileHolding - RETAINED_MB + 50);
    }

    private static byte[][] allocate(int megabytes) {
        byte[][] arrays = new byte[megabytes][];
        for (int i = 0; i < megabytes; i++) {
            arrays[i] = new byte[MB];
        }
        return arrays;
    }

    private static long heapAfter(Object userData) {
        return GarbageCollectionNotificationInfo.from((CompositeData) userData).getGcInfo().getMemoryUsageAfterGc()
                .entrySet().stream()
                .filter(pool -> ManagementFactory.getMemoryPoolMXBeans().stream().anyMatch(heapPool ->
                        heapPool.getName().equals(pool.getKey())
                                && heapPool.getType() == MemoryType.HEAP))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }

    private static long heapUsedMegabytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB;
    }

    private static List<NotificationEmitter> collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(NotificationEmitter.class::isInstance).map(NotificationEmitter.class::cast).toList();
    }
}
