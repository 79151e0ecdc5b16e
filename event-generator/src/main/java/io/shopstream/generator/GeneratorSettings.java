package io.shopstream.generator;

import java.time.Duration;
import java.time.Instant;

/**
 * What to generate. Event time advances by {@code 1 / eventsPerSecond} per valid event from {@code start}; shopping
 * sessions run {@code sessionsInFlight} at a time, so a shopper's mean think time between two actions is
 * {@code sessionsInFlight / eventsPerSecond} seconds.
 *
 * @param seed the same seed (and settings) gives the same events
 * @param start event time of the first event
 * @param eventsPerSecond valid events per second of event time
 * @param sessionsInFlight sessions open at any moment; each ends after its funnel and another starts in its place
 * @param shoppers distinct users the sessions belong to (returning shoppers have several sessions)
 * @param catalogue the products sessions view, cart and buy
 * @param addToCartRate chance a product view leads to adding that product to the cart
 * @param purchaseRate chance a session with a cart buys what is in it
 * @param outOfOrderFraction share of valid events that arrive behind newer ones, by at most {@code maxOutOfOrder}
 * @param maxOutOfOrder how far behind an out-of-order event may arrive; at most the watermark delay, so it counts
 * @param lateFraction share of valid events that arrive later than the watermark delay allows (dropped by windows)
 * @param watermarkDelay the pipelines' watermark delay, which late events exceed by 2 s to a minute
 * @param malformedFraction share of all records that are malformed (not JSON, wrong types, missing fields, bad
 *     timestamps, unknown event types); they are extra records, so the valid events do not depend on it
 */
public record GeneratorSettings(long seed, Instant start, double eventsPerSecond, int sessionsInFlight, int shoppers,
        Catalogue catalogue, double addToCartRate, double purchaseRate, double outOfOrderFraction,
        Duration maxOutOfOrder, double lateFraction, Duration watermarkDelay, double malformedFraction) {

    public GeneratorSettings {
        if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number of events per second");
        }
        if (sessionsInFlight < 1 || shoppers < 1) {
            throw new IllegalArgumentException("there must be at least one session in flight and one shopper");
        }
        requireShare("add-to-cart rate", addToCartRate);
        requireShare("purchase rate", purchaseRate);
        requireShare("out-of-order fraction", outOfOrderFraction);
        requireShare("late fraction", lateFraction);
        requireShare("malformed fraction", malformedFraction);
        if (malformedFraction == 1) {
            throw new IllegalArgumentException("the malformed fraction must be below 1");
        }
        if (outOfOrderFraction + lateFraction > 1) {
            throw new IllegalArgumentException("the out-of-order and late fractions add up to more than 1");
        }
        if (maxOutOfOrder.isNegative() || watermarkDelay.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (outOfOrderFraction > 0 && maxOutOfOrder.compareTo(watermarkDelay) > 0) {
            throw new IllegalArgumentException("out-of-order events may lag at most the watermark delay ("
                    + watermarkDelay.toMillis() + " ms), not " + maxOutOfOrder.toMillis()
                    + " ms: events that lag more are late, and the late fraction asks for those");
        }
    }

    /**
     * A small shop from 2026-11-23 09:00 UTC: 10 events/s, 100 sessions in flight (10 s think time), 300 shoppers,
     * 300 products, 30% of product views carted, half the carts bought, 10% of events up to 3 s out of order, none
     * late or malformed, a 5 s watermark delay.
     */
    public static GeneratorSettings defaults(long seed) {
        return new GeneratorSettings(seed, Instant.parse("2026-11-23T09:00:00Z"), 10, 100, 300, Catalogue.ofSize(300),
                0.3, 0.5, 0.1, Duration.ofSeconds(3), 0, Duration.ofSeconds(5), 0);
    }

    public GeneratorSettings withStart(Instant value) {
        return new GeneratorSettings(seed, value, eventsPerSecond, sessionsInFlight, shoppers, catalogue,
                addToCartRate, purchaseRate, outOfOrderFraction, maxOutOfOrder, lateFraction, watermarkDelay,
                malformedFraction);
    }

    /** The rate and the number of sessions open at once; their ratio is the shoppers' mean think time. */
    public GeneratorSettings withTraffic(double perSecond, int inFlight, int distinctShoppers) {
        return new GeneratorSettings(seed, start, perSecond, inFlight, distinctShoppers, catalogue, addToCartRate,
                purchaseRate, outOfOrderFraction, maxOutOfOrder, lateFraction, watermarkDelay, malformedFraction);
    }

    public GeneratorSettings withCatalogue(Catalogue value) {
        return new GeneratorSettings(seed, start, eventsPerSecond, sessionsInFlight, shoppers, value, addToCartRate,
                purchaseRate, outOfOrderFraction, maxOutOfOrder, lateFraction, watermarkDelay, malformedFraction);
    }

    public GeneratorSettings withConversion(double cartRate, double buyRate) {
        return new GeneratorSettings(seed, start, eventsPerSecond, sessionsInFlight, shoppers, catalogue, cartRate,
                buyRate, outOfOrderFraction, maxOutOfOrder, lateFraction, watermarkDelay, malformedFraction);
    }

    public GeneratorSettings withDisorder(double outOfOrder, Duration maxLag, double late, Duration delay) {
        return new GeneratorSettings(seed, start, eventsPerSecond, sessionsInFlight, shoppers, catalogue,
                addToCartRate, purchaseRate, outOfOrder, maxLag, late, delay, malformedFraction);
    }

    public GeneratorSettings withMalformedFraction(double value) {
        return new GeneratorSettings(seed, start, eventsPerSecond, sessionsInFlight, shoppers, catalogue,
                addToCartRate, purchaseRate, outOfOrderFraction, maxOutOfOrder, lateFraction, watermarkDelay, value);
    }

    private static void requireShare(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("the " + what + " must be between 0 and 1, not " + value);
        }
    }
}
