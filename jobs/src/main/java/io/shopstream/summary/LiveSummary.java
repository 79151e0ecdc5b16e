package io.shopstream.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code local} shows every few seconds, computed from the pipelines' committed output rows only: active users in
 * the last closed minute and the one before, the top products of the last closed minute by views and by revenue, and
 * the sessions seen so far and how many converted. Rows it cannot read (a pipeline changed its columns) are counted,
 * not fatal.
 */
public final class LiveSummary {

    public static final String ACTIVE_USERS = "active_users_1m";
    public static final String PRODUCT_METRICS = "product_metrics_1m";
    public static final String SESSION_METRICS = "session_metrics";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final int TOP = 3;
    private static final int WINDOWS_KEPT = 5;

    private final ZoneId zone;
    private final NavigableMap<Long, Long> activeUsers = new TreeMap<>();
    private final NavigableMap<Long, List<ProductRow>> products = new TreeMap<>();
    private final Map<String, SessionRow> sessions = new HashMap<>();
    private long unreadable;

    public LiveSummary(ZoneId zone) {
        this.zone = zone;
    }

    /** Takes in one committed row of {@code pipeline}'s output ({@code value} null for an upsert's deletion). */
    public void accept(String pipeline, String key, String value) {
        try {
            switch (pipeline) {
                case ACTIVE_USERS -> {
                    JsonNode row = JSON.readTree(value);
                    activeUsers.put(row.get("window_start").asLong(), row.get("active_users").asLong());
                    trim(activeUsers);
                }
                case PRODUCT_METRICS -> {
                    JsonNode row = JSON.readTree(value);
                    products.computeIfAbsent(row.get("window_start").asLong(), window -> new ArrayList<>())
                            .add(new ProductRow(row.get("product_id").asText(), row.get("product_name").asText(),
                                    row.get("views").asLong(), row.get("revenue").decimalValue()));
                    trim(products);
                }
                case SESSION_METRICS -> {
                    if (value == null) {
                        sessions.remove(key);
                    } else {
                        JsonNode row = JSON.readTree(value);
                        sessions.put(key, new SessionRow(row.get("converted").asBoolean(),
                                row.get("revenue").decimalValue()));
                    }
                }
                default -> { }
            }
        } catch (JsonProcessingException | RuntimeException e) {
            unreadable++;
        }
    }

    /** Whether a window has closed with active users and products in it: the stack is producing figures. */
    public boolean hasFigures() {
        return !activeUsers.isEmpty() && !products.isEmpty();
    }

    /** The summary as a few lines of text. */
    public List<String> render() {
        List<String> lines = new ArrayList<>();
        lines.add(activeUsersLine());
        Map.Entry<Long, List<ProductRow>> window = products.lastEntry();
        if (window == null) {
            lines.add("  top products    waiting for the first minute to close");
        } else {
            String minute = minute(window.getKey());
            lines.add(String.format(Locale.ROOT, "  top viewed      %s  %s", minute,
                    top(window.getValue(), ProductRow::views, row -> String.format(Locale.ROOT, "%,d", row.views()))));
            lines.add(String.format(Locale.ROOT, "  top revenue     %s  %s", minute,
                    top(window.getValue(), ProductRow::revenue, row -> money(row.revenue()))));
        }
        long converted = sessions.values().stream().filter(SessionRow::converted).count();
        BigDecimal revenue = sessions.values().stream().map(SessionRow::revenue).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        lines.add(String.format(Locale.ROOT, "  sessions        %,d seen, %,d converted (%.1f%%), revenue %s",
                sessions.size(), converted, sessions.isEmpty() ? 0.0 : 100.0 * converted / sessions.size(),
                money(revenue)));
        if (unreadable > 0) {
            lines.add(String.format(Locale.ROOT, "  (%,d output rows not in the expected shape were skipped)",
                    unreadable));
        }
        return lines;
    }

    private String activeUsersLine() {
        Map.Entry<Long, Long> last = activeUsers.lastEntry();
        if (last == null) {
            return "  active users    waiting for the first minute to close";
        }
        Map.Entry<Long, Long> before = activeUsers.lowerEntry(last.getKey());
        String line = String.format(Locale.ROOT, "  active users    %s  %,d", minute(last.getKey()), last.getValue());
        if (before == null) {
            return line;
        }
        double change = before.getValue() == 0 ? 0 : 100.0 * (last.getValue() - before.getValue()) / before.getValue();
        return line + String.format(Locale.ROOT, "   (%s  %,d, %+.1f%%)", minute(before.getKey()), before.getValue(),
                change);
    }

    private static <T extends Comparable<T>> String top(List<ProductRow> rows, Function<ProductRow, T> measure,
            Function<ProductRow, String> shown) {
        return rows.stream()
                .sorted(Comparator.comparing(measure).reversed().thenComparing(ProductRow::id))
                .limit(TOP)
                .map(row -> row.id() + " " + row.name() + " " + shown.apply(row))
                .collect(Collectors.joining(" | "));
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    private String minute(long epochMillis) {
        return MINUTE.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    private static void trim(NavigableMap<Long, ?> windows) {
        while (windows.size() > WINDOWS_KEPT) {
            windows.pollFirstEntry();
        }
    }

    private record ProductRow(String id, String name, long views, BigDecimal revenue) {}

    private record SessionRow(boolean converted, BigDecimal revenue) {}
}
