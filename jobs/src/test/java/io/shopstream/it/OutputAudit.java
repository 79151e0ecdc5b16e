package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.output.OutputRecord;
import io.shopstream.output.OutputTopicReader;
import io.shopstream.reference.ReferenceMetrics;
import io.shopstream.reference.Rows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The committed (read_committed) output of every pipeline held against the independent reference model, counted:
 * window rows and session revisions (one per session and minute it has events in) must each appear once, with their
 * exact values, a session's revisions in order, and each session end on the reference's summary. What tests that
 * break things report, then assert to be zero.
 */
final class OutputAudit {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WINDOW_PIPELINES = List.of("active_users_1m", "product_metrics_1m");
    private static final String SESSIONS = "session_metrics";

    /**
     * @param rowsCompared window rows and session revisions the reference expects, plus the sessions' final rows
     * @param duplicates rows or revisions committed more than once
     * @param missing rows or revisions the reference has and the output lacks
     * @param wrong rows the reference does not have (wrong values), revisions out of order, final rows that differ
     */
    record Figures(int windowRows, int sessionRevisions, int sessions, int duplicates, int missing, int wrong) {

        int rowsCompared() {
            return windowRows + sessionRevisions + sessions;
        }

        @Override
        public String toString() {
            return "rows compared " + rowsCompared() + " (" + windowRows + " window rows, " + sessionRevisions
                    + " session revisions, " + sessions + " final session rows), duplicates " + duplicates
                    + ", missing " + missing + ", wrong " + wrong;
        }
    }

    private final List<String> eventLines;
    private int windowRows;
    private int sessionRevisions;
    private int sessions;
    private int duplicates;
    private int missing;
    private int wrong;

    private OutputAudit(List<String> eventLines) {
        this.eventLines = eventLines;
    }

    /**
     * Reads every pipeline's output topic ({@code outputTopics}: pipeline name to topic) and counts it against the
     * reference computed from {@code eventLines}.
     */
    static Figures audit(String bootstrapServers, Map<String, String> outputTopics, List<String> eventLines) {
        OutputAudit audit = new OutputAudit(eventLines);
        try (OutputTopicReader reader = new OutputTopicReader(bootstrapServers)) {
            for (String pipeline : WINDOW_PIPELINES) {
                audit.windows(pipeline, reader.readAll(outputTopics.get(pipeline), Duration.ofSeconds(60)));
            }
            audit.sessions(reader.readAll(outputTopics.get(SESSIONS), Duration.ofSeconds(60)));
        }
        return new Figures(audit.windowRows, audit.sessionRevisions, audit.sessions, audit.duplicates,
                audit.missing, audit.wrong);
    }

    /** Fails, naming the rows, unless the output is exactly the reference's (run after printing the figures). */
    static void assertExact(String bootstrapServers, Map<String, String> outputTopics, List<String> eventLines) {
        try (OutputTopicReader reader = new OutputTopicReader(bootstrapServers)) {
            for (String pipeline : WINDOW_PIPELINES) {
                List<String> rows = values(reader.readAll(outputTopics.get(pipeline), Duration.ofSeconds(60)));
                List<String> expected = ReferenceMetrics.expectedRows(pipeline, eventLines);
                assertThat(expected).as("reference rows of " + pipeline).hasSizeGreaterThan(4);
                Rows.assertSameRows(rows, expected, pipeline);
            }
            List<OutputRecord> revisions = reader.readAll(outputTopics.get(SESSIONS), Duration.ofSeconds(60));
            Rows.assertSameRows(values(revisions), ReferenceMetrics.sessionRevisions(eventLines),
                    SESSIONS + " revisions");
            eventCounts(revisions).forEach((session, seen) -> assertThat(seen)
                    .as("event_count of " + session + "'s revisions, in order").isSorted().doesNotHaveDuplicates());
            Rows.assertSameRows(OutputTopicReader.finalValuesByKey(revisions),
                    ReferenceMetrics.expectedRows(SESSIONS, eventLines), SESSIONS);
        }
    }

    private void windows(String pipeline, List<OutputRecord> records) {
        List<String> expected = ReferenceMetrics.expectedRows(pipeline, eventLines);
        assertThat(expected).as("reference rows of " + pipeline).hasSizeGreaterThan(4);
        windowRows += expected.size();
        compare(expected, values(records));
    }

    private void sessions(List<OutputRecord> records) {
        List<String> expectedRevisions = ReferenceMetrics.sessionRevisions(eventLines);
        sessionRevisions = expectedRevisions.size();
        compare(expectedRevisions, values(records));
        for (List<Long> eventCounts : eventCounts(records).values()) {
            for (int i = 1; i < eventCounts.size(); i++) {
                if (eventCounts.get(i) < eventCounts.get(i - 1)) {
                    wrong++;
                }
            }
        }
        List<String> expected = Rows.canonical(ReferenceMetrics.expectedRows(SESSIONS, eventLines));
        sessions = expected.size();
        Map<String, Integer> finalRows = counts(Rows.canonical(OutputTopicReader.finalValuesByKey(records)));
        for (String row : expected) {
            if (finalRows.getOrDefault(row, 0) == 0) {
                wrong++;
            }
        }
    }

    /** Counts rows committed more often than expected, expected and not committed, and committed but not expected. */
    private void compare(List<String> expectedRows, List<String> actualRows) {
        Map<String, Integer> expectedCounts = counts(Rows.canonical(expectedRows));
        Map<String, Integer> actualCounts = counts(Rows.canonical(actualRows));
        Set<String> rows = new HashSet<>(expectedCounts.keySet());
        rows.addAll(actualCounts.keySet());
        for (String row : rows) {
            int want = expectedCounts.getOrDefault(row, 0);
            int got = actualCounts.getOrDefault(row, 0);
            if (want == 0) {
                wrong += got;
            } else if (got > want) {
                duplicates += got - want;
            } else {
                missing += want - got;
            }
        }
    }

    private static List<String> values(List<OutputRecord> records) {
        return records.stream().map(record -> record.value().orElseThrow()).toList();
    }

    private static Map<String, List<Long>> eventCounts(List<OutputRecord> revisions) {
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        for (OutputRecord record : revisions) {
            JsonNode session = parse(record.value().orElseThrow());
            counts.computeIfAbsent(session.path("session_id").asText(), key -> new ArrayList<>())
                    .add(session.path("event_count").asLong());
        }
        return counts;
    }

    private static Map<String, Integer> counts(List<String> rows) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach(row -> counts.merge(row, 1, Integer::sum));
        return counts;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
