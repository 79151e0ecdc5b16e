package io.shopstream.generator;

import java.time.Duration;
import java.time.Instant;

/**
 * What to generate.
 *
 * @param seed the same seed gives the same events
 * @param sessions how many shopping sessions
 * @param shoppers how many distinct users the sessions belong to
 * @param start when the first session may start
 * @param spread sessions start uniformly within {@code [start, start + spread)}
 * @param maxOutOfOrder how far behind the newest event time an event may arrive (keep it below the watermark delay)
 * @param catalogue the products sessions view, cart and buy
 * @param addToCartRate chance a product view leads to adding that product to the cart
 * @param purchaseRate chance a session with a cart buys what is in it
 */
public record GeneratorSettings(long seed, int sessions, int shoppers, Instant start, Duration spread,
        Duration maxOutOfOrder, Catalogue catalogue, double addToCartRate, double purchaseRate) {

    public GeneratorSettings {
        if (sessions < 0 || shoppers < 1) {
            throw new IllegalArgumentException("sessions must be >= 0 and shoppers >= 1");
        }
        if (maxOutOfOrder.isNegative() || spread.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** A few minutes of a small shop: 200 sessions of 50 shoppers over 5 minutes, 4 s out of order at most. */
    public static GeneratorSettings defaults(long seed) {
        return new GeneratorSettings(seed, 200, 50, Instant.parse("2026-11-23T09:00:00Z"), Duration.ofMinutes(5),
                Duration.ofSeconds(4), Catalogue.ofSize(40), 0.35, 0.5);
    }

    public GeneratorSettings withSessions(int count, int distinctShoppers) {
        return new GeneratorSettings(seed, count, distinctShoppers, start, spread, maxOutOfOrder, catalogue,
                addToCartRate, purchaseRate);
    }

    public GeneratorSettings withMaxOutOfOrder(Duration value) {
        return new GeneratorSettings(seed, sessions, shoppers, start, spread, value, catalogue, addToCartRate,
                purchaseRate);
    }
}
