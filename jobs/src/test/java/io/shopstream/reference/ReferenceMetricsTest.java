package io.shopstream.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import com.fasterxml.jackson.databind.JsonNode;
import io.shopstream.generator.EventContract;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The oracle agrees with the hand-worked golden files, and with small cases worked out here. */
class ReferenceMetricsTest {

    private static final Path TESTS = Path.of("..", "sql", "tests");

    static Stream<String> goldenPipelines() throws Exception {
        try (Stream<Path> folders = Files.list(TESTS)) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("goldenPipelines")
    void agreesWithTheHandWorkedGoldenRows(String pipeline) {
        List<String> events = Rows.readLines(TESTS.resolve(pipeline).resolve("events.jsonl"));
        List<String> expected = Rows.readLines(TESTS.resolve(pipeline).resolve("expected.jsonl"));

        Rows.assertSameRows(ReferenceMetrics.expectedRows(pipeline, events), expected, pipeline);
    }

    @ParameterizedTest
    @MethodSource("goldenPipelines")
    void goldenEventsArriveAtMostFourSecondsOutOfOrder(String pipeline) {
        long newest = Long.MIN_VALUE;
        long worst = 0;
        for (String line : Rows.readLines(TESTS.resolve(pipeline).resolve("events.jsonl"))) {
            long time = OffsetDateTime.parse(Rows.parse(line).get("event_timestamp").asText()).toInstant()
                    .toEpochMilli();
            if (newest != Long.MIN_VALUE) {
                worst = Math.max(worst, newest - time);
            }
            newest = Math.max(newest, time);
        }
        // The local profile's watermark delay is 5 s: anything later would be dropped as late.
        assertThat(worst).isPositive().isLessThanOrEqualTo(4_000);
    }

    @ParameterizedTest
    @MethodSource("goldenPipelines")
    void goldenEventsHaveEveryFieldOfTheirTypeAndNoOther(String pipeline) {
        for (String line : Rows.readLines(TESTS.resolve(pipeline).resolve("events.jsonl"))) {
            JsonNode event = Rows.parse(line);
            Set<String> expected = new HashSet<>(EventContract.fieldsOf(event.get("event_type").asText()));
            Set<String> actual = new HashSet<>();
            event.fieldNames().forEachRemaining(actual::add);
            assertThat(actual).as(line).isEqualTo(expected);
            expected.forEach(field -> assertThat(event.get(field).isNull()).as(field + " in " + line).isFalse());
        }
    }

    @Test
    void aNullUserCountsNoActiveUserButItsWindowStillExists() {
        List<String> events = List.of(
                "{\"event_type\":\"page_view\",\"event_timestamp\":\"2026-01-01T00:00:10Z\",\"user_id\":null,"
                        + "\"session_id\":\"s1\"}");

        Rows.assertSameRows(ReferenceMetrics.expectedRows("active_users_1m", events), List.of(
                "{\"window_start\":1767225600000,\"window_end\":1767225660000,\"active_users\":0}"), "null user");
    }

    @Test
    void worksOutASmallCaseAsAPersonWould() {
        List<String> events = List.of(
                event("purchase", "2026-01-01T00:00:59.999Z", "u1", "s1", "p1", 3, "0.10"),
                event("purchase", "2026-01-01T05:30:30+05:30", "u2", "s2", "p1", 1, "0.20"),
                event("add_to_cart", "2025-12-31T16:01:00-08:00", "u1", "s1", "p1", 2, null),
                event("product_view", "2026-01-01T00:01:05Z", "u1", "s1", "p2", null, null));

        // 00:00:59.999Z and 05:30:30+05:30 (00:00:30Z) share the first minute; 16:01-08:00 is 00:01Z.
        Rows.assertSameRows(ReferenceMetrics.expectedRows("active_users_1m", events), List.of(
                "{\"window_start\":1767225600000,\"window_end\":1767225660000,\"active_users\":2}",
                "{\"window_start\":1767225660000,\"window_end\":1767225720000,\"active_users\":1}"), "active users");
        Rows.assertSameRows(ReferenceMetrics.expectedRows("product_metrics_1m", events), List.of(
                "{\"window_start\":1767225600000,\"window_end\":1767225660000,\"product_id\":\"p1\","
                        + "\"product_name\":\"name-p1\",\"product_category\":\"cat\",\"views\":0,\"add_to_carts\":0,"
                        + "\"units_added\":0,\"purchases\":2,\"units_sold\":4,\"revenue\":0.30}",
                "{\"window_start\":1767225660000,\"window_end\":1767225720000,\"product_id\":\"p1\","
                        + "\"product_name\":\"name-p1\",\"product_category\":\"cat\",\"views\":0,\"add_to_carts\":1,"
                        + "\"units_added\":2,\"purchases\":0,\"units_sold\":0,\"revenue\":0}",
                "{\"window_start\":1767225660000,\"window_end\":1767225720000,\"product_id\":\"p2\","
                        + "\"product_name\":\"name-p2\",\"product_category\":\"cat\",\"views\":1,\"add_to_carts\":0,"
                        + "\"units_added\":0,\"purchases\":0,\"units_sold\":0,\"revenue\":0}"), "products");
        String s1Final =
                "{\"session_id\":\"s1\",\"user_id\":\"u1\",\"event_count\":3,\"page_views\":0,\"product_views\":1,"
                        + "\"add_to_carts\":1,\"purchases\":1,\"distinct_products_viewed\":1,"
                        + "\"distinct_products_carted\":1,\"revenue\":0.1,\"first_event_time\":1767225659999,"
                        + "\"last_event_time\":1767225665000,\"converted\":true}";
        String s2Final =
                "{\"session_id\":\"s2\",\"user_id\":\"u2\",\"event_count\":1,\"page_views\":0,\"product_views\":0,"
                        + "\"add_to_carts\":0,\"purchases\":1,\"distinct_products_viewed\":0,"
                        + "\"distinct_products_carted\":0,\"revenue\":0.2,\"first_event_time\":1767225630000,"
                        + "\"last_event_time\":1767225630000,\"converted\":true}";
        Rows.assertSameRows(ReferenceMetrics.expectedRows("session_metrics", events), List.of(s1Final, s2Final),
                "sessions");
        // s1 has events in minutes 00:00 and 00:01, so two revisions; s2's only one is its summary.
        Rows.assertSameRows(ReferenceMetrics.sessionRevisions(events), List.of(
                "{\"session_id\":\"s1\",\"user_id\":\"u1\",\"event_count\":1,\"page_views\":0,\"product_views\":0,"
                        + "\"add_to_carts\":0,\"purchases\":1,\"distinct_products_viewed\":0,"
                        + "\"distinct_products_carted\":0,\"revenue\":0.1,\"first_event_time\":1767225659999,"
                        + "\"last_event_time\":1767225659999,\"converted\":true}",
                s1Final,
                s2Final), "session revisions");
    }

    @Test
    void rowsDifferingInAValueAreReportedAsMissingAndUnexpected() {
        assertThatThrownBy(() -> Rows.assertSameRows(List.of("{\"a\":1,\"b\":0.30}"), List.of("{\"a\":1,\"b\":0.31}"),
                "x"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("missing (1)")
                .hasMessageContaining("0.31")
                .hasMessageContaining("unexpected (1)");
        Rows.assertSameRows(List.of("{\"b\":0.3,\"a\":1.0}"), List.of("{\"a\":1,\"b\":0.30}"), "same as data");
    }

    private static String event(String type, String timestamp, String user, String session, String product,
            Integer quantity, String total) {
        return "{\"event_type\":\"" + type + "\",\"event_timestamp\":\"" + timestamp + "\",\"user_id\":\"" + user
                + "\",\"session_id\":\"" + session + "\",\"product_id\":\"" + product + "\",\"product_name\":\"name-"
                + product + "\",\"product_category\":\"cat\"" + (quantity == null ? "" : ",\"quantity\":" + quantity)
                + (total == null ? "" : ",\"total_amount\":" + total) + "}";
    }
}
