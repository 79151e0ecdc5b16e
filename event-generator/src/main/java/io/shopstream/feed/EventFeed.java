package io.shopstream.feed;

import io.shopstream.events.EventSink;
import io.shopstream.events.OutgoingEvent;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Writes a stream of events to a sink, throttled to their due times or as fast as the sink takes them, counting as it
 * goes and reporting progress every so often. Stops at the stream's end, on {@link #stop()}, or when interrupted;
 * either way, what was written is flushed.
 */
public final class EventFeed {

    private final Iterator<OutgoingEvent> events;
    private final EventSink sink;
    private final Pacer pacer;
    private final FeedStats stats = new FeedStats();
    private volatile boolean stopping;

    private EventFeed(Iterator<OutgoingEvent> events, EventSink sink, Pacer pacer) {
        this.events = events;
        this.sink = sink;
        this.pacer = pacer;
    }

    /** As fast as the sink takes them. */
    public static EventFeed unthrottled(Iterator<OutgoingEvent> events, EventSink sink) {
        return new EventFeed(events, sink, Pacer.unthrottled());
    }

    /**
     * Each event when it is due: {@code dueMillis} after {@code behind} ago, so those due within the first
     * {@code behind} go at once (a negative {@code behind} holds the first event back that long).
     */
    public static EventFeed inRealTime(Iterator<OutgoingEvent> events, EventSink sink, Duration behind) {
        return new EventFeed(events, sink, Pacer.from(System.nanoTime() - behind.toNanos()));
    }

    /**
     * Writes until the stream ends or the feed is stopped.
     *
     * @param progress receives {@link FeedStats#line()} every {@code every}
     */
    public FeedStats run(Consumer<String> progress, Duration every) {
        long nextReport = System.nanoTime() + every.toNanos();
        try {
            while (!stopping && events.hasNext()) {
                OutgoingEvent event = events.next();
                pacer.awaitDue(event.dueMillis());
                sink.write(event);
                stats.count(event);
                if (System.nanoTime() >= nextReport) {
                    progress.accept(stats.line());
                    nextReport += every.toNanos();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sink.flush();
            stats.finish();
        }
        return stats;
    }

    /** Makes {@link #run} return after the event it is writing. */
    public void stop() {
        stopping = true;
    }

    /** The counts so far, while it runs and after. */
    public FeedStats stats() {
        return stats;
    }
}
