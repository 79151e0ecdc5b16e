package io.shopstream.it;

import io.shopstream.events.KafkaEventWriter;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.localstack.Deadline;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a list of events to their topics at a steady rate (a batch every 100 ms) in the background, as a shop's
 * traffic arrives, so that jobs are mid-stream whenever a test breaks something; tells how far it got. It can be held
 * at an event ({@link #holdAt}) until the test has done what it meant to do there, however long that takes on a
 * loaded machine.
 */
final class PacedWriter implements AutoCloseable {

    private static final long TICK_MILLIS = 100;

    private final KafkaEventWriter writer;
    private final List<OutgoingEvent> events;
    private final int perTick;
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger limit;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "paced-event-writer");
        thread.setDaemon(true);
        return thread;
    });

    private PacedWriter(KafkaEventWriter writer, List<OutgoingEvent> events, int perSecond) {
        this.writer = writer;
        this.events = events;
        this.perTick = Math.max(1, (int) (perSecond * TICK_MILLIS / 1000));
        this.limit = new AtomicInteger(events.size());
    }

    static PacedWriter start(KafkaEventWriter writer, List<OutgoingEvent> events, int perSecond) {
        PacedWriter paced = new PacedWriter(writer, events, perSecond);
        paced.ticks.scheduleAtFixedRate(paced::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return paced;
    }

    /** Writes no further than {@code count} events until told otherwise; {@code events.size()} lets it finish. */
    void holdAt(int count) {
        limit.set(Math.min(count, events.size()));
    }

    int written() {
        return written.get();
    }

    /** Waits until at least {@code count} events are written and flushed; returns how many are. */
    int awaitWritten(int count, Duration timeout) {
        return Deadline.in(timeout).poll(() -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            int now = written.get();
            return now >= Math.min(count, events.size()) ? Optional.of(now) : Optional.empty();
        }).orElseThrow(() -> new AssertionError("fewer than " + count + " events written within " + timeout));
    }

    private void tick() {
        int from = written.get();
        int to = Math.min(limit.get(), from + perTick);
        if (to <= from || failure.get() != null) {
            return;
        }
        try {
            events.subList(from, to).forEach(writer::write);
            writer.flush();
            written.set(to);
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
