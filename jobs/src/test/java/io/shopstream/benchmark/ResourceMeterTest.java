package io.shopstream.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
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
            if (ResourceMeter.heapAfterCollection(notification).orElse(0) >= (heapBefore + RETAINED_MB - 10) * MB) {
                collected.countDown();
            }
        };
        ResourceMeter.collectors().forEach(collector -> collector.addNotificationListener(afterMeter, null, null));
        try {
            System.gc();
            assertThat(collected.await(1, TimeUnit.MINUTES)).as("a collection with the retained arrays alive")
                    .isTrue();
        } finally {
            for (NotificationEmitter collector : ResourceMeter.collectors()) {
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

    private static long heapUsedMegabytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB;
    }
}
