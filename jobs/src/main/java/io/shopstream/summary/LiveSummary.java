package io.shopstream.summary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * What {@code local} prints every few seconds: active users, product views and revenue of the last closed minute
 * against the minute before, that minute's top products by views and by revenue, and the sessions seen so far and
 * how many converted; then the input no figure counts: dead letters per reason and late events per pipeline.
 */
public final class LiveSummary {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final String WAITING = "waiting for the first minute to close";

    private final ZoneId zone;

    public LiveSummary(ZoneId zone) {
        this.zone = zone;
    }

    /** The figures and the input they leave out as a few lines of text. */
    public List<String> render(Figures figures, BadInput badInput) {
        List<String> lines = new ArrayList<>();
        lines.add(compared("active users", figures.activeUsers(), Figures.Minute::windowStart,
                minute -> String.format(Locale.ROOT, "%,d", minute.count()), Figures.Minute::count));
        if (figures.productTotals().isEmpty()) {
            lines.add(String.format(Locale.ROOT, "  %-15s %s", "products", WAITING));
        } else {
            lines.add(compared("product views", figures.productTotals(), Figures.ProductTotals::windowStart,
                    totals -> String.format(Locale.ROOT, "%,d", totals.views()), Figures.ProductTotals::views));
            lines.add(compared("revenue", figures.productTotals(), Figures.ProductTotals::windowStart,
                    totals -> money(totals.revenue()), totals -> totals.revenue().doubleValue()));
            String minute = minute(figures.productTotals().get(0).windowStart());
            lines.add(String.format(Locale.ROOT, "  %-15s %s  %s", "top viewed", minute,
                    top(figures.topViewed(), product -> String.format(Locale.ROOT, "%,d", product.views()))));
            lines.add(String.format(Locale.ROOT, "  %-15s %s  %s", "top revenue", minute,
                    top(figures.topRevenue(), product -> money(product.revenue()))));
        }
        Figures.Sessions sessions = figures.sessions();
        lines.add(String.format(Locale.ROOT, "  %-15s %,d seen, %,d converted (%.1f%%), revenue %s", "sessions",
                sessions.seen(), sessions.converted(),
                sessions.seen() == 0 ? 0.0 : 100.0 * sessions.converted() / sessions.seen(),
                money(sessions.revenue())));
        lines.add(String.format(Locale.ROOT, "  %-15s %s", "dead letters", tally(badInput.deadLettersByReason())));
        lines.add(String.format(Locale.ROOT, "  %-15s %s", "late events", tally(badInput.lateByPipeline())));
        if (figures.unreadable() > 0) {
            lines.add(String.format(Locale.ROOT, "  (%,d output rows not in the expected shape were skipped)",
                    figures.unreadable()));
        }
        return lines;
    }

    /** {@code label  HH:mm  value   (HH:mm  value, +x.x%)}: the newest minute against the one before it. */
    private <T> String compared(String label, List<T> newestFirst, Function<T, Long> windowStart,
            Function<T, String> shown, ToDoubleFunction<T> measure) {
        if (newestFirst.isEmpty()) {
            return String.format(Locale.ROOT, "  %-15s %s", label, WAITING);
        }
        T last = newestFirst.get(0);
        String line = String.format(Locale.ROOT, "  %-15s %s  %s", label, minute(windowStart.apply(last)),
                shown.apply(last));
        if (newestFirst.size() < 2) {
            return line;
        }
        T before = newestFirst.get(1);
        double previous = measure.applyAsDouble(before);
        double change = previous == 0 ? 0 : 100.0 * (measure.applyAsDouble(last) - previous) / previous;
        return line + String.format(Locale.ROOT, "   (%s  %s, %+.1f%%)", minute(windowStart.apply(before)),
                shown.apply(before), change);
    }

    /** {@code 12 (not_json 7, wrong_type 5)}: the total, then each part, the largest first; {@code none}. */
    private static String tally(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "none";
        }
        return String.format(Locale.ROOT, "%,d (%s)", total, counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", ")));
    }

    private static String top(List<Figures.Product> products, Function<Figures.Product, String> shown) {
        return products.stream().map(product -> product.id() + " " + product.name() + " " + shown.apply(product))
                .collect(Collectors.joining(" | "));
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    private String minute(long epochMillis) {
        return MINUTE.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }
}
