package io.shopstream.feed;

import io.shopstream.events.Delivery;
import io.shopstream.events.EventType;
import io.shopstream.events.OutgoingEvent;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;

/** What a feed has written so far: events per type and per delivery, bytes, time. Readable from any thread. */
public final class FeedStats {

    private static final EventType[] TYPES = EventType.values();
    private static final Delivery[] DELIVERIES = Delivery.values();

    private final long startNanos = System.nanoTime();
    private final AtomicLongArray perType = new AtomicLongArray(TYPES.length);
    private final AtomicLongArray perDelivery = new AtomicLongArray(DELIVERIES.length);
    private final AtomicLongArray totals = new AtomicLongArray(2);
    private volatile long endNanos;

    void count(OutgoingEvent event) {
        perType.incrementAndGet(event.topic().ordinal());
        perDelivery.incrementAndGet(event.delivery().ordinal());
        totals.incrementAndGet(0);
        // Bytes as UTF-8 when the text is ASCII, which generated events are: cheap enough to count every event.
        totals.addAndGet(1, event.json().length() + (event.key() == null ? 0 : event.key().length()));
    }

    void finish() {
        endNanos = System.nanoTime();
    }

    public long events() {
        return totals.get(0);
    }

    public long events(EventType topic) {
        return perType.get(topic.ordinal());
    }

    public long events(Delivery delivery) {
        return perDelivery.get(delivery.ordinal());
    }

    public double seconds() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return (end - startNanos) / 1e9;
    }

    public double eventsPerSecond() {
        double seconds = seconds();
        return seconds == 0 ? 0 : events() / seconds;
    }

    public double megabytesPerSecond() {
        double seconds = seconds();
        return seconds == 0 ? 0 : totals.get(1) / seconds / 1e6;
    }

    /**
     * One line: totals and rate, then per type, then what arrived other than on time, e.g.
     * {@code 1,204,332 events in 6.0 s (200,722/s, 94.1 MB/s) | page_view 480,120 ... | out of order 10.0%}.
     */
    public String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,d events in %.1f s (%,.0f/s, %.1f MB/s) |",
                events(), seconds(), eventsPerSecond(), megabytesPerSecond()));
        for (EventType type : TYPES) {
            line.append(String.format(Locale.ROOT, " %s %,d", type.wireName(), events(type)));
        }
        String sep = " |";
        for (Delivery delivery : new Delivery[] {Delivery.OUT_OF_ORDER, Delivery.LATE, Delivery.MALFORMED}) {
            long count = events(delivery);
            if (count > 0) {
                line.append(String.format(Locale.ROOT, "%s %s %,d (%.1f%%)", sep,
                        delivery.name().toLowerCase(Locale.ROOT).replace('_', ' '), count, 100.0 * count / events()));
                sep = ",";
            }
        }
        return line.toString();
    }
}
