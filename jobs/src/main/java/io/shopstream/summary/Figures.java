package io.shopstream.summary;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the live summary shows, wherever it was read from.
 *
 * @param activeUsers the last closed minutes' active users, newest first (at most two)
 * @param productTotals the last closed minutes' product views and revenue, newest first (at most two)
 * @param topViewed the most viewed products of the newest minute of {@code productTotals}
 * @param topRevenue the products with the most revenue in that minute
 * @param unreadable rows that could not be read, skipped
 */
public record Figures(List<Minute> activeUsers, List<ProductTotals> productTotals, List<Product> topViewed,
        List<Product> topRevenue, Sessions sessions, long unreadable) {

    static final int TOP = 3;

    public record Minute(long windowStart, long count) {}

    public record ProductTotals(long windowStart, long views, BigDecimal revenue) {}

    public record Product(String id, String name, long views, BigDecimal revenue) {}

    public record Sessions(long seen, long converted, BigDecimal revenue) {}

    /** Whether a window has closed with active users and products in it: the stack is producing figures. */
    public boolean any() {
        return !activeUsers.isEmpty() && !productTotals.isEmpty();
    }
}
