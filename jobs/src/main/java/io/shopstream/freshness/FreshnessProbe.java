package io.shopstream.freshness;

import io.shopstream.events.Delivery;
import io.shopstream.events.EventSink;
import io.shopstream.events.EventType;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.pinot.PinotBroker;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * How fresh Pinot's answers are, end to end: probe events, each a page view opening a session of its own, are
 * produced at a steady pace, and the time from the end of the probe's minute to Pinot's session table showing its
 * session is measured. session_metrics revises a session once its minute has closed, so that is when the row is
 * due, as a window's result is at its window's end; the time measured spans the watermark delay, the exactly-once
 * commit at the next checkpoint, and Pinot's consumption of committed records. Probe sessions are named
 * {@code freshness-probe-...} and stay in the data.
 */
public final class FreshnessProbe {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final long MINUTE = 60_000;

    private final EventSink events;
    private final PinotBroker pinot;
    private final String sessionsTable;

    public FreshnessProbe(EventSink events, PinotBroker pinot, String sessionsTable) {
        this.events = events;
        this.pinot = pinot;
        this.sessionsTable = sessionsTable;
    }

    /**
     * Produces {@code probes} events, one every {@code every}, and waits at most {@code timeout} after the last for
     * their sessions to show in Pinot.
     */
    public FreshnessReport run(int probes, Duration every, Duration timeout, Consumer<String> progress)
            throws InterruptedException {
        Map<String, Long> pending = new LinkedHashMap<>();
        List<Duration> latencies = new ArrayList<>();
        long start = System.nanoTime();
        long lastDeadline = Long.MAX_VALUE;
        int sent = 0;
        while (sent < probes || (!pending.isEmpty() && System.nanoTime() < lastDeadline)) {
            long now = System.nanoTime();
            if (sent < probes && now >= start + sent * every.toNanos()) {
                String session = "freshness-probe-" + UUID.randomUUID();
                Instant eventTime = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                events.write(probe(session, eventTime));
                events.flush();
                long untilMinuteEnd = MINUTE - Math.floorMod(eventTime.toEpochMilli(), MINUTE);
                pending.put(session, now + TimeUnit.MILLISECONDS.toNanos(untilMinuteEnd));
                sent++;
                if (sent == probes) {
                    lastDeadline = System.nanoTime() + timeout.toNanos();
                }
            }
            if (!pending.isEmpty()) {
                long polled = System.nanoTime();
                for (List<String> row : pinot.query(visibleAmong(pending.keySet())).rows()) {
                    Long dueAt = pending.remove(row.get(0));
                    if (dueAt != null) {
                        latencies.add(Duration.ofNanos(Math.max(0, polled - dueAt)));
                        if (latencies.size() % 10 == 0) {
                            progress.accept(String.format(Locale.ROOT, "%d of %d probes visible", latencies.size(),
                                    probes));
                        }
                    }
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        return new FreshnessReport(latencies, pending.size());
    }

    private String visibleAmong(Iterable<String> sessions) {
        List<String> quoted = new ArrayList<>();
        sessions.forEach(session -> quoted.add("'" + session + "'"));
        return "SELECT session_id FROM " + sessionsTable + " WHERE session_id IN ("
                + quoted.stream().collect(Collectors.joining(", ")) + ") LIMIT " + quoted.size();
    }

    private static OutgoingEvent probe(String session, Instant eventTime) {
        String json = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"event_type\":\"page_view\",\"event_timestamp\":\""
                + eventTime + "\",\"user_id\":\"freshness-probe\",\"session_id\":\"" + session + "\",\"device_type\":"
                + "\"desktop\",\"os\":\"linux\",\"browser\":\"probe\",\"location\":\"Probe\",\"page_url\":"
                + "\"https://shop.example/freshness-probe\",\"referrer_url\":\"\",\"time_spent\":0.0}";
        return new OutgoingEvent(EventType.PAGE_VIEW, session, json, System.currentTimeMillis(), Delivery.ON_TIME);
    }
}
