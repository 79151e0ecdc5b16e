package io.shopstream.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LiveSummaryTest {

    private static final long MINUTE_2000 = 1_795_464_000_000L;
    private static final long MINUTE_2001 = MINUTE_2000 + 60_000;

    @Test
    void saysItIsWaitingUntilTheFirstMinuteCloses() {
        LiveSummary summary = new LiveSummary(ZoneOffset.UTC);

        assertThat(summary.hasFigures()).isFalse();
        assertThat(summary.render()).containsExactly(
                "  active users    waiting for the first minute to close",
                "  top products    waiting for the first minute to close",
                "  sessions        0 seen, 0 converted (0.0%), revenue 0.00");
    }

    @Test
    void showsTheLastClosedMinuteAgainstTheOneBeforeTopProductsAndSessions() {
        LiveSummary summary = new LiveSummary(ZoneOffset.UTC);
        summary.accept(LiveSummary.ACTIVE_USERS, null, activeUsers(MINUTE_2000, 40));
        summary.accept(LiveSummary.ACTIVE_USERS, null, activeUsers(MINUTE_2001, 50));
        summary.accept(LiveSummary.PRODUCT_METRICS, null, product(MINUTE_2000, "p-0009", "Old", 99, "1.00"));
        summary.accept(LiveSummary.PRODUCT_METRICS, null, product(MINUTE_2001, "p-0001", "Lamp", 5, "10.00"));
        summary.accept(LiveSummary.PRODUCT_METRICS, null, product(MINUTE_2001, "p-0002", "Mug", 9, "0"));
        summary.accept(LiveSummary.PRODUCT_METRICS, null, product(MINUTE_2001, "p-0003", "Pen", 7, "1030.50"));
        summary.accept(LiveSummary.PRODUCT_METRICS, null, product(MINUTE_2001, "p-0004", "Hose", 1, "2.00"));
        summary.accept(LiveSummary.SESSION_METRICS, "{\"session_id\":\"a\"}", session(false, "0"));
        summary.accept(LiveSummary.SESSION_METRICS, "{\"session_id\":\"a\"}", session(true, "12.50"));
        summary.accept(LiveSummary.SESSION_METRICS, "{\"session_id\":\"b\"}", session(false, "0"));
        summary.accept(LiveSummary.SESSION_METRICS, "{\"session_id\":\"c\"}", session(true, "7.50"));
        summary.accept(LiveSummary.SESSION_METRICS, "{\"session_id\":\"c\"}", null);

        assertThat(summary.hasFigures()).isTrue();
        assertThat(summary.render()).containsExactly(
                "  active users    20:01  50   (20:00  40, +25.0%)",
                "  top viewed      20:01  p-0002 Mug 9 | p-0003 Pen 7 | p-0001 Lamp 5",
                "  top revenue     20:01  p-0003 Pen 1,030.50 | p-0001 Lamp 10.00 | p-0004 Hose 2.00",
                "  sessions        2 seen, 1 converted (50.0%), revenue 12.50");
    }

    @Test
    void rowsOfAnotherShapeAreCountedNotFatal() {
        LiveSummary summary = new LiveSummary(ZoneOffset.UTC);
        summary.accept(LiveSummary.ACTIVE_USERS, null, "{\"window\":1}");
        summary.accept(LiveSummary.PRODUCT_METRICS, null, "not json");

        assertThat(summary.render()).last().isEqualTo("  (2 output rows not in the expected shape were skipped)");
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
