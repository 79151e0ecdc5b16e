package io.shopstream.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Figures computed from the pipelines' committed output rows, as they arrive: what {@code local} shows without
 * Pinot. Rows it cannot read (a pipeline changed its columns) are counted, not fatal.
 */
public final class TopicFigures implements FigureSource {

    public static final String ACTIVE_USERS = "active_users_1m";
    public static final String PRODUCT_METRICS = "product_metrics_1m";
    public static final String SESSION_METRICS = "session_metrics";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WINDOWS_KEPT = 5;

    private final Optional<OutputFollower> follower;
    private final NavigableMap<Long, Long> activeUsers = new TreeMap<>();
    private final NavigableMap<Long, List<Figures.Product>> products = new TreeMap<>();
    private final Map<String, SessionRow> sessions = new HashMap<>();
    private long unreadable;

    TopicFigures(Optional<OutputFollower> follower) {
        this.follower = follower;
    }

    /** Follows the topics of {@code pipelineOfTopic} on {@code bootstrapServers}, each the output of its pipeline. */
    public static TopicFigures following(String bootstrapServers, Map<String, String> pipelineOfTopic) {
        return new TopicFigures(Optional.of(new OutputFollower(bootstrapServers, pipelineOfTopic)));
    }

    @Override
    public Figures figures() {
        follower.ifPresent(rows -> rows.pollAll(this::accept, Duration.ofMillis(200)));
        List<Figures.ProductTotals> totals = products.descendingMap().entrySet().stream().limit(2)
                .map(window -> new Figures.ProductTotals(window.getKey(),
                        window.getValue().stream().mapToLong(Figures.Product::views).sum(),
                        window.getValue().stream().map(Figures.Product::revenue).reduce(BigDecimal.ZERO,
                                BigDecimal::add)))
                .toList();
        List<Figures.Product> lastMinute = products.isEmpty() ? List.of() : products.lastEntry().getValue();
        return new Figures(
                activeUsers.descendingMap().entrySet().stream().limit(2)
                        .map(window -> new Figures.Minute(window.getKey(), window.getValue())).toList(),
                totals, top(lastMinute, Figures.Product::views), top(lastMinute, Figures.Product::revenue),
                new Figures.Sessions(sessions.size(), sessions.values().stream().filter(SessionRow::converted).count(),
                        sessions.values().stream().map(SessionRow::revenue).reduce(BigDecimal.ZERO, BigDecimal::add)),
                unreadable);
    }

    @Override
    public String description() {
        return "the output topics";
    }

    /** Takes in one committed row of {@code pipeline}'s output ({@code value} null for an upsert's deletion). */
    void accept(String pipeline, String key, String value) {
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
                            .add(new Figures.Product(row.get("product_id").asText(), row.get("product_name").asText(),
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

    private static <T extends Comparable<T>> List<Figures.Product> top(List<Figures.Product> rows,
            Function<Figures.Product, T> measure) {
        return rows.stream()
                .sorted(Comparator.comparing(measure).reversed().thenComparing(Figures.Product::id))
                .limit(Figures.TOP)
                .toList();
    }

    private static void trim(NavigableMap<Long, ?> windows) {
        while (windows.size() > WINDOWS_KEPT) {
            windows.pollFirstEntry();
        }
    }

    @Override
    public void close() {
        follower.ifPresent(OutputFollower::close);
    }

    private record SessionRow(boolean converted, BigDecimal revenue) {}
}
