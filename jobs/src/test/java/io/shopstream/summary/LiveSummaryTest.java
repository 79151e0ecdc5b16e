package io.shopstream.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live summary as {@code local --no-pinot} computes it from output rows, and as it is printed. */
class LiveSummaryTest {

    private static final long MINUTE_2000 = 1_795_464_000_000L;
    private static final long MINUTE_2001 = MINUTE_2000 + 60_000;
    private static final LiveSummary RENDERER = new LiveSummary(ZoneOffset.UTC);

    @Test
    void saysItIsWaitingUntilTheFirstMinuteCloses() {
        Figures figures = new TopicFigures(Optional.empty()).figures();

        assertThat(figures.any()).isFalse();
        assertThat(RENDERER.render(figures, BadInput.NONE)).containsExactly(
                "  active users    waiting for the first minute to close",
                "  products        waiting for the first minute to close",
                "  sessions        0 seen, 0 converted (0.0%), revenue 0.00",
                "  dead letters    none",
                "  late events     none");
    }

    @Test
    void showsTheLastClosedMinuteAgainstTheOneBeforeTopProductsAndSessions() {
        TopicFigures summary = new TopicFigures(Optional.empty());
        summary.accept(TopicFigures.ACTIVE_USERS, null, activeUsers(MINUTE_2000, 40));
        summary.accept(TopicFigures.ACTIVE_USERS, null, activeUsers(MINUTE_2001, 50));
        summary.accept(TopicFigures.PRODUCT_METRICS, null, product(MINUTE_2000, "p-0009", "Old", 99, "1.00"));
        summary.accept(TopicFigures.PRODUCT_METRICS, null, product(MINUTE_2001, "p-0001", "Lamp", 5, "10.00"));
        summary.accept(TopicFigures.PRODUCT_METRICS, null, product(MINUTE_2001, "p-0002", "Mug", 9, "0"));
        summary.accept(TopicFigures.PRODUCT_METRICS, null, product(MINUTE_2001, "p-0003", "Pen", 7, "1030.50"));
        summary.accept(TopicFigures.PRODUCT_METRICS, null, product(MINUTE_2001, "p-0004", "Hose", 1, "2.00"));
        summary.accept(TopicFigures.SESSION_METRICS, "{\"session_id\":\"a\"}", session(false, "0"));
        summary.accept(TopicFigures.SESSION_METRICS, "{\"session_id\":\"a\"}", session(true, "12.50"));
        summary.accept(TopicFigures.SESSION_METRICS, "{\"session_id\":\"b\"}", session(false, "0"));
        summary.accept(TopicFigures.SESSION_METRICS, "{\"session_id\":\"c\"}", session(true, "7.50"));
        summary.accept(TopicFigures.SESSION_METRICS, "{\"session_id\":\"c\"}", null);

        Figures figures = summary.figures();
        assertThat(figures.any()).isTrue();
        BadInput badInput = new BadInput(Map.of("wrong_type", 5L, "not_json", 1_207L, "bad_timestamp", 5L),
                Map.of("product_metrics_1m.v1", 3L, "active_users_1m.v1", 4L));
        assertThat(RENDERER.render(figures, badInput)).containsExactly(
                "  active users    20:01  50   (20:00  40, +25.0%)",
                "  product views   20:01  22   (20:00  99, -77.8%)",
                "  revenue         20:01  1,042.50   (20:00  1.00, +104150.0%)",
                "  top viewed      20:01  p-0002 Mug 9 | p-0003 Pen 7 | p-0001 Lamp 5",
                "  top revenue     20:01  p-0003 Pen 1,030.50 | p-0001 Lamp 10.00 | p-0004 Hose 2.00",
                "  sessions        2 seen, 1 converted (50.0%), revenue 12.50",
                "  dead letters    1,217 (not_json 1,207, bad_timestamp 5, wrong_type 5)",
                "  late events     7 (active_users_1m.v1 4, product_metrics_1m.v1 3)");
    }

    @Test
    void rowsOfAnotherShapeAreCountedNotFatal() {
        TopicFigures summary = new TopicFigures(Optional.empty());
        summary.accept(TopicFigures.ACTIVE_USERS, null, "{\"window\":1}");
        summary.accept(TopicFigures.PRODUCT_METRICS, null, "not json");

        assertThat(RENDERER.render(summary.figures(), BadInput.NONE)).last()
                .isEqualTo("  (2 output rows not in the expected shape were skipped)");
    }

    private static String activeUsers(long windowStart, long users) {
        return "{\"window_start\":" + windowStart + ",\"window_end\":" + (windowStart + 60_000) + ",\"active_users\":"
                + users + "}";
    }

    private static String product(long windowStart, String id, String name, long views, String revenue) {
        return "{\"window_start\":" + windowStart + ",\"product_id\":\"" + id + "\",\"product_name\":\"" + name
                + "\",\"views\":" + views + ",\"revenue\":" + revenue + "}";
    }

    private static String session(boolean converted, String revenue) {
        return "{\"converted\":" + converted + ",\"revenue\":" + revenue + "}";
    }
}
