package io.shopstream.reference;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What each pipeline must output for a list of events, computed in plain Java from the pipelines' specification
 * (README and the issue), independently of the SQL: the oracle for golden and randomised tests. Assumes every
 * event follows the input contract and none is late (out of order by less than the watermark delay).
 */
public final class ReferenceMetrics {

    private static final long MINUTE = 60_000;

    private ReferenceMetrics() {}

    /** The expected rows of a pipeline, by name, as JSON lines. */
    public static List<String> expectedRows(String pipeline, List<String> eventLines) {
        List<EventFacts> events = facts(eventLines);
        return switch (pipeline) {
            case "active_users_1m" -> activeUsers(events);
            case "product_metrics_1m" -> productMetrics(events);
            case "session_metrics" -> sessionMetrics(events);
            default -> throw new IllegalArgumentException("no reference for pipeline " + pipeline);
        };
    }

    /**
     * What session_metrics revises: for each session and each minute of event time it has events in, in order, its
     * summary as of that minute's end (the last of them is its {@code expectedRows} row).
     */
    public static List<String> sessionRevisions(List<String> eventLines) {
        Map<String, TreeMap<Long, List<EventFacts>>> minutesBySession = new LinkedHashMap<>();
        for (EventFacts event : facts(eventLines)) {
            minutesBySession.computeIfAbsent(event.sessionId, session -> new TreeMap<>())
                    .computeIfAbsent(event.windowStart(), minute -> new ArrayList<>()).add(event);
        }
        List<String> revisions = new ArrayList<>();
        minutesBySession.forEach((sessionId, minutes) -> {
            Session session = new Session(sessionId);
            for (List<EventFacts> minute : minutes.values()) {
                minute.forEach(session::add);
                revisions.add(session.json());
            }
        });
        return revisions;
    }

    private static List<EventFacts> facts(List<String> eventLines) {
        return eventLines.stream().map(Rows::parse).map(EventFacts::of).toList();
    }

    private static List<String> activeUsers(List<EventFacts> events) {
        Map<Long, Set<String>> usersByWindow = new TreeMap<>();
        for (EventFacts event : events) {
            Set<String> users = usersByWindow.computeIfAbsent(event.windowStart(), w -> new HashSet<>());
            // COUNT(DISTINCT user_id) skips nulls, but the window still exists.
            if (event.userId != null) {
                users.add(event.userId);
            }
        }
        List<String> rows = new ArrayList<>();
        usersByWindow.forEach((window, users) -> rows.add(String.format(
                "{\"window_start\":%d,\"window_end\":%d,\"active_users\":%d}", window, window + MINUTE,
                users.size())));
        return rows;
    }

    private static List<String> productMetrics(List<EventFacts> events) {
        Map<String, ProductWindow> windows = new TreeMap<>();
        for (EventFacts event : events) {
            if (event.productId == null || event.type.equals("page_view")) {
                continue;
            }
            windows.computeIfAbsent(event.windowStart() + "/" + event.productId,
                    key -> new ProductWindow(event.windowStart(), event.productId)).add(event);
        }
        return windows.values().stream().map(ProductWindow::json).toList();
    }

    private static List<String> sessionMetrics(List<EventFacts> events) {
        Map<String, Session> sessions = new LinkedHashMap<>();
        for (EventFacts event : events) {
            sessions.computeIfAbsent(event.sessionId, Session::new).add(event);
        }
        return sessions.values().stream().map(Session::json).toList();
    }

    /** The fields the pipelines use, read the way the source tables read them. */
    private record EventFacts(String type, long eventTime, String userId, String sessionId, String productId,
            String productName, String productCategory, Integer quantity, BigDecimal totalAmount) {

        static EventFacts of(JsonNode node) {
            // The instant the timestamp names, whatever its offset, at millisecond precision.
            long time = OffsetDateTime.parse(node.get("event_timestamp").asText()).toInstant()
                    .truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
            return new EventFacts(node.get("event_type").asText(), time, text(node, "user_id"),
                    text(node, "session_id"), text(node, "product_id"), text(node, "product_name"),
                    text(node, "product_category"),
                    node.hasNonNull("quantity") ? node.get("quantity").asInt() : null,
                    // DECIMAL(12, 2), as the source table declares total_amount.
                    node.hasNonNull("total_amount")
                            ? node.get("total_amount").decimalValue().setScale(2, RoundingMode.HALF_UP) : null);
        }

        long windowStart() {
            return Math.floorDiv(eventTime, MINUTE) * MINUTE;
        }

        private static String text(JsonNode node, String field) {
            return node.hasNonNull(field) ? node.get(field).asText() : null;
        }
    }

    private static final class ProductWindow {
        final long windowStart;
        final String productId;
        String name;
        String category;
        long views;
        long addToCarts;
        long unitsAdded;
        long purchases;
        long unitsSold;
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);

        ProductWindow(long windowStart, String productId) {
            this.windowStart = windowStart;
            this.productId = productId;
        }

        void add(EventFacts event) {
            name = greatest(name, event.productName);
            category = greatest(category, event.productCategory);
            switch (event.type) {
                case "product_view" -> views++;
                case "add_to_cart" -> {
                    addToCarts++;
                    unitsAdded += orZero(event.quantity);
                }
                case "purchase" -> {
                    purchases++;
                    unitsSold += orZero(event.quantity);
                    revenue = revenue.add(event.totalAmount == null ? BigDecimal.ZERO : event.totalAmount);
                }
                default -> throw new IllegalArgumentException("not a product event: " + event.type);
            }
        }

        String json() {
            return String.format("{\"window_start\":%d,\"window_end\":%d,\"product_id\":%s,\"product_name\":%s,"
                            + "\"product_category\":%s,\"views\":%d,\"add_to_carts\":%d,\"units_added\":%d,"
                            + "\"purchases\":%d,\"units_sold\":%d,\"revenue\":%s}",
                    windowStart, windowStart + MINUTE, quote(productId), quote(name), quote(category), views,
                    addToCarts, unitsAdded, purchases, unitsSold, revenue.toPlainString());
        }
    }

    private static final class Session {
        final String sessionId;
        String userId;
        long events;
        final Map<String, Long> countsByType = new TreeMap<>();
        final Set<String> viewed = new HashSet<>();
        final Set<String> carted = new HashSet<>();
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        Session(String sessionId) {
            this.sessionId = sessionId;
        }

        void add(EventFacts event) {
            userId = greatest(userId, event.userId);
            events++;
            countsByType.merge(event.type, 1L, Long::sum);
            if (event.productId != null && event.type.equals("product_view")) {
                viewed.add(event.productId);
            }
            if (event.productId != null && event.type.equals("add_to_cart")) {
                carted.add(event.productId);
            }
            if (event.type.equals("purchase") && event.totalAmount != null) {
                revenue = revenue.add(event.totalAmount);
            }
            first = Math.min(first, event.eventTime);
            last = Math.max(last, event.eventTime);
        }

        String json() {
            Function<String, Long> count = type -> countsByType.getOrDefault(type, 0L);
            return String.format("{\"session_id\":%s,\"user_id\":%s,\"event_count\":%d,\"page_views\":%d,"
                            + "\"product_views\":%d,\"add_to_carts\":%d,\"purchases\":%d,"
                            + "\"distinct_products_viewed\":%d,\"distinct_products_carted\":%d,\"revenue\":%s,"
                            + "\"first_event_time\":%d,\"last_event_time\":%d,\"converted\":%s}",
                    quote(sessionId), quote(userId), events, count.apply("page_view"), count.apply("product_view"),
                    count.apply("add_to_cart"), count.apply("purchase"), viewed.size(), carted.size(),
                    revenue.toPlainString(), first, last, count.apply("purchase") > 0);
        }
    }

    /** SQL's MAX over strings: the greatest, nulls ignored. */
    private static String greatest(String current, String candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.compareTo(current) > 0 ? candidate : current;
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
