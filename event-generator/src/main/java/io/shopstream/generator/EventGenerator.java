package io.shopstream.generator;

import io.shopstream.events.Delivery;
import io.shopstream.events.EventRouting;
import io.shopstream.events.OutgoingEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * An endless (or limited) stream of shopping events in the order they arrive, as JSON lines of the input contract.
 *
 * <p>Event time advances evenly at the settings' rate. Each valid event is the next step of one of the sessions in
 * flight, picked at random, so every session's events are in event-time order and shoppers think for
 * {@code sessionsInFlight / eventsPerSecond} seconds on average. Out-of-order and late events are held back and
 * released once event time has moved on by their lag. Malformed records are extra, drawn from a random source of
 * their own, as are the arrival lags: the valid events of a seed are the same whatever the malformed fraction.
 */
public final class EventGenerator implements Iterator<OutgoingEvent> {

    /** How far beyond the watermark delay a late event lags: from {@code LATE_MARGIN} to a minute more. */
    private static final long LATE_MARGIN_MILLIS = 2_000;
    private static final long LATE_SPREAD_MILLIS = 60_000;
    private static final Malformation[] MALFORMATIONS = Malformation.values();

    private final GeneratorSettings settings;
    private final long maxRecords;
    private final long endMillis;
    private final SplittableRandom sessions;
    private final SplittableRandom arrivals;
    private final SplittableRandom garbage;
    private final Shopper[] shoppers;
    private final Session[] inFlight;
    private final EventEncoder encoder = new EventEncoder();
    private final PriorityQueue<Held> held = new PriorityQueue<>(
            Comparator.comparingLong(Held::arrival).thenComparingLong(Held::sequence));
    private final ArrayDeque<OutgoingEvent> ready = new ArrayDeque<>();
    private final long start;
    private long records;
    private long validEvents;
    private long clock;

    private EventGenerator(GeneratorSettings settings, long maxRecords, long endMillis) {
        this.settings = settings;
        this.maxRecords = maxRecords;
        this.endMillis = endMillis;
        SplittableRandom root = new SplittableRandom(settings.seed());
        this.sessions = root.split();
        this.arrivals = root.split();
        this.garbage = root.split();
        this.shoppers = new Shopper[settings.shoppers()];
        for (int i = 0; i < shoppers.length; i++) {
            shoppers[i] = Shopper.random(sessions);
        }
        this.inFlight = new Session[settings.sessionsInFlight()];
        this.start = settings.start().toEpochMilli();
        this.clock = start;
    }

    /** Exactly {@code count} records (valid and malformed). */
    public static EventGenerator ofCount(GeneratorSettings settings, long count) {
        return new EventGenerator(settings, count, Long.MAX_VALUE);
    }

    /** The events of {@code [start, end)} in event time, plus the malformed records among them. */
    public static EventGenerator until(GeneratorSettings settings, Instant end) {
        return new EventGenerator(settings, Long.MAX_VALUE, end.toEpochMilli());
    }

    /** Events until the caller stops asking. */
    public static EventGenerator endless(GeneratorSettings settings) {
        return new EventGenerator(settings, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** The first {@code count} records as JSON lines: small streams for tests and examples. */
    public static List<String> lines(GeneratorSettings settings, int count) {
        List<String> lines = new ArrayList<>(count);
        ofCount(settings, count).forEachRemaining(event -> lines.add(event.json()));
        return lines;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !ready.isEmpty();
    }

    @Override
    public OutgoingEvent next() {
        fill();
        OutgoingEvent event = ready.poll();
        if (event == null) {
            throw new NoSuchElementException("the generator's limit is reached");
        }
        return event;
    }

    private void fill() {
        while (ready.isEmpty()) {
            if (records >= maxRecords || nextEventTime() >= endMillis) {
                // Over: what is still held back arrives now, in the order it would have.
                Held last = held.poll();
                if (last != null) {
                    ready.add(last.release(clock - start));
                }
                return;
            }
            step();
        }
    }

    private void step() {
        records++;
        if (settings.malformedFraction() > 0 && garbage.nextDouble() < settings.malformedFraction()) {
            ready.add(malformed());
            return;
        }
        long time = nextEventTime();
        validEvents++;
        clock = time;
        while (!held.isEmpty() && held.peek().arrival() <= time) {
            ready.add(held.poll().release(time - start));
        }
        Session session = sessionToAdvance(sessions.nextInt(inFlight.length));
        Session.Step step = session.next();
        String json = encoder.encode(session, step, time, sessions);
        double draw = arrivals.nextDouble();
        if (draw < settings.lateFraction()) {
            long lag = settings.watermarkDelay().toMillis() + LATE_MARGIN_MILLIS
                    + arrivals.nextLong(LATE_SPREAD_MILLIS);
            hold(new OutgoingEvent(step.kind(), session.id, json, 0, Delivery.LATE), time + lag);
        } else if (draw < settings.lateFraction() + settings.outOfOrderFraction()) {
            long lag = 1 + arrivals.nextLong(Math.max(1, settings.maxOutOfOrder().toMillis()));
            hold(new OutgoingEvent(step.kind(), session.id, json, 0, Delivery.OUT_OF_ORDER), time + lag);
        } else {
            ready.add(new OutgoingEvent(step.kind(), session.id, json, time - start, Delivery.ON_TIME));
        }
    }

    /** The session in slot {@code slot}, replaced by a new one when it has walked its whole funnel. */
    private Session sessionToAdvance(int slot) {
        Session session = inFlight[slot];
        if (session == null || session.isOver()) {
            session = Session.plan(shoppers[sessions.nextInt(shoppers.length)], settings, sessions);
            inFlight[slot] = session;
        }
        return session;
    }

    /** A broken copy of what some session would do next, made from the garbage source alone. */
    private OutgoingEvent malformed() {
        Session session = inFlight[garbage.nextInt(inFlight.length)];
        if (session == null || session.isOver()) {
            session = Session.plan(shoppers[garbage.nextInt(shoppers.length)], settings, garbage);
        }
        String valid = encoder.encode(session, session.peek(), clock, garbage);
        String broken = MALFORMATIONS[garbage.nextInt(MALFORMATIONS.length)].apply(valid, garbage);
        return EventRouting.route(broken, clock - start, Delivery.MALFORMED);
    }

    private long nextEventTime() {
        return start + (long) (validEvents * 1000.0 / settings.eventsPerSecond());
    }

    private void hold(OutgoingEvent event, long arrival) {
        held.add(new Held(event, arrival, validEvents));
    }

    /** An event held back until event time reaches its arrival. */
    private record Held(OutgoingEvent event, long arrival, long sequence) {

        OutgoingEvent release(long dueMillis) {
            return new OutgoingEvent(event.topic(), event.key(), event.json(), dueMillis, event.delivery());
        }
    }
}
