package io.shopstream.cli;

import io.shopstream.events.EventSink;
import io.shopstream.events.EventsFile;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.feed.EventFeed;
import io.shopstream.generator.Catalogue;
import io.shopstream.generator.GeneratorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** What events to send and how they behave: the generator's knobs, or a file to replay instead. */
final class TrafficOptions {

    @Option(names = "--events", paramLabel = "FILE",
            description = "Replay this JSON-lines file (every non-blank line, as it is) instead of generating.")
    Path events;

    @Option(names = "--rate", paramLabel = "N",
            description = "Events per second (default: 300 for local, 1000 for generate; a replay goes as fast as it"
                    + " can).")
    Double rate;

    @Option(names = "--seed", paramLabel = "N",
            description = "Random seed: the same seed and options give the same events (default: a new one, printed).")
    Long seed;

    @Option(names = "--think-time", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "10s",
            description = "Mean time a shopper takes between two actions (default: ${DEFAULT-VALUE}).")
    Duration thinkTime;

    @Option(names = "--users", paramLabel = "N",
            description = "Shopping sessions in flight at once (default: rate x think time); sets the think time.")
    Integer sessionsInFlight;

    @Option(names = "--shoppers", paramLabel = "N",
            description = "Distinct users the sessions belong to (default: 4 x sessions in flight).")
    Integer shoppers;

    @Option(names = "--catalogue-size", paramLabel = "N", defaultValue = "" + Catalogue.DEFAULT_SIZE,
            description = "Products in the shop (default: ${DEFAULT-VALUE}).")
    int catalogueSize;

    @Option(names = "--cart-rate", paramLabel = "SHARE", defaultValue = "0.3",
            description = "Share of product views followed by an add to cart (default: ${DEFAULT-VALUE}).")
    double cartRate;

    @Option(names = "--purchase-rate", paramLabel = "SHARE", defaultValue = "0.5",
            description = "Share of sessions with a cart that buy it (default: ${DEFAULT-VALUE}).")
    double purchaseRate;

    @Option(names = "--out-of-order", paramLabel = "SHARE", defaultValue = "0.1",
            description = "Share of events that arrive behind newer ones, within --max-lag"
                    + " (default: ${DEFAULT-VALUE}).")
    double outOfOrder;

    @Option(names = "--max-lag", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "3s",
            description = "How far behind an out-of-order event arrives at most (default: ${DEFAULT-VALUE}).")
    Duration maxLag;

    @Option(names = "--late", paramLabel = "SHARE", defaultValue = "0",
            description = "Share of events that arrive after the watermark has passed them"
                    + " (default: ${DEFAULT-VALUE}).")
    double late;

    @Option(names = "--watermark-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "5s",
            description = "The pipelines' watermark delay, which late events exceed (default: ${DEFAULT-VALUE}).")
    Duration watermarkDelay;

    @Option(names = "--malformed", paramLabel = "SHARE", defaultValue = "0",
            description = "Share of records that are malformed: not JSON, wrong types, missing fields, bad timestamps,"
                    + " unknown event types (default: ${DEFAULT-VALUE}).")
    double malformed;

    boolean replaysFile() {
        return events != null;
    }

    /** {@code --rate}, or the command's default. */
    double rateOr(double defaultRate) {
        return rate != null ? rate : defaultRate;
    }

    /** The generator's settings for {@code rate} events/s from {@code start}; wrong values are the user's error. */
    GeneratorSettings settings(double rate, Instant start) {
        long chosenSeed = Optional.ofNullable(seed)
                .orElseGet(() -> ThreadLocalRandom.current().nextLong(1, 1_000_000));
        int inFlight = Optional.ofNullable(sessionsInFlight)
                .orElse((int) Math.max(1, Math.round(rate * thinkTime.toMillis() / 1000.0)));
        try {
            return GeneratorSettings.defaults(chosenSeed)
                    .withStart(start)
                    .withTraffic(rate, inFlight, Optional.ofNullable(shoppers).orElse(4 * inFlight))
                    .withCatalogue(Catalogue.ofSize(catalogueSize))
                    .withConversion(cartRate, purchaseRate)
                    .withDisorder(outOfOrder, maxLag, late, watermarkDelay)
                    .withMalformedFraction(malformed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** The file's lines, at {@code --rate} a second, or as fast as they go without it or when not {@code paced}. */
    EventStream replay(boolean paced) {
        boolean throttled = paced && rate != null;
        return new EventStream(EventsFile.replay(events, throttled ? rate : 0), throttled, Duration.ZERO,
                "replaying " + events + (throttled ? " at " + rate + " events/s" : " as fast as it goes"));
    }

    /**
     * Generated events from {@code settings}, limited by {@code limit}: in real time (those due before now at once)
     * when {@code throttled}, else as fast as they go.
     */
    EventStream generate(GeneratorSettings settings, Function<GeneratorSettings, Iterator<OutgoingEvent>> limit,
            boolean throttled) {
        // A start in the future makes this negative: the first events wait for it.
        Duration behind = throttled ? Duration.between(settings.start(), Instant.now()) : Duration.ZERO;
        return new EventStream(limit.apply(settings), throttled, behind,
                "generating " + describe(settings) + (throttled ? "" : "; unthrottled"));
    }

    /** Events to send, and how: each when it is due (the first {@code behind} at once), or all as fast as they go. */
    record EventStream(Iterator<OutgoingEvent> events, boolean throttled, Duration behind, String description) {

        EventFeed feedInto(EventSink sink) {
            return throttled ? EventFeed.inRealTime(events, sink, behind) : EventFeed.unthrottled(events, sink);
        }
    }

    private String describe(GeneratorSettings settings) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%,.0f events/s of event time from %s (seed %d): %,d sessions in flight (%.1f s think time),"
                        + " %,d shoppers, %,d products",
                settings.eventsPerSecond(), settings.start(), settings.seed(), settings.sessionsInFlight(),
                settings.sessionsInFlight() / settings.eventsPerSecond(), settings.shoppers(),
                settings.catalogue().products().size()));
        if (settings.outOfOrderFraction() > 0) {
            line.append(String.format(Locale.ROOT, "; %.0f%% out of order up to %d ms",
                    100 * settings.outOfOrderFraction(), settings.maxOutOfOrder().toMillis()));
        }
        if (settings.lateFraction() > 0) {
            line.append(String.format(Locale.ROOT, "; %.1f%% late", 100 * settings.lateFraction()));
        }
        if (settings.malformedFraction() > 0) {
            line.append(String.format(Locale.ROOT, "; %.1f%% malformed", 100 * settings.malformedFraction()));
        }
        return line.toString();
    }
}
