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
import java.util.stream.LongStream;

/**
 * The committed (read_committed) output of every pipeline held against the independent reference model, counted:
 * window rows (each must appear once, with its exact values) and session revisions (each session's revisions must
 * count its events 1, 2, 3... once each, in order, and end on the reference's summary). What tests that break things
 * report, then assert to be zero.
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
                List<String> rows = reader.readAll(outputTopics.get(pipeline), Duration.ofSeconds(60)).stream()
                        .map(record -> record.value().orElseThrow()).toList();
                Rows.assertSameRows(rows, ReferenceMetrics.expectedRows(pipeline, eventLines), pipeline);
            }
            List<OutputRecord> revisions = reader.readAll(outputTopics.get(SESSIONS), Duration.ofSeconds(60));
            Map<String, List<Long>> counts = eventCounts(revisions);
            counts.forEach((session, seen) -> assertThat(seen).as("event_count of " + session + "'s revisions")
                    .isEqualTo(LongStream.rangeClosed(1, seen.size()).boxed().toList()));
            Rows.assertSameRows(OutputTopicReader.finalValuesByKey(revisions),
                    ReferenceMetrics.expectedRows(SESSIONS, eventLines), SESSIONS);
        }
    }

    private void windows(String pipeline, List<OutputRecord> records) {
        List<String> expected = Rows.canonical(ReferenceMetrics.expectedRows(pipeline, eventLines));
        assertThat(expected).as("reference rows of " + pipeline).hasSizeGreaterThan(4);
        windowRows += expected.size();
        Map<String, Integer> expectedCounts = counts(expected);
        Map<String, Integer> actualCounts = counts(Rows.canonical(records.stream()
                .map(record -> record.value().orElseThrow()).toList()));
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

    private void sessions(List<OutputRecord> records) {
        Map<String, Long> expectedEvents = new LinkedHashMap<>();
        List<String> expected = ReferenceMetrics.expectedRows(SESSIONS, eventLines);
        for (String row : expected) {
            JsonNode session = parse(row);
            expectedEvents.put(session.path("session_id").asText(), session.path("event_count").asLong());
        }
        sessions = expected.size();
        sessionRevisions = (int) expectedEvents.values().stream().mapToLong(Long::longValue).sum();
        Map<String, List<Long>> seen = eventCounts(records);
        for (Map.Entry<String, Long> session : expectedEvents.entrySet()) {
            List<Long> revisions = seen.getOrDefault(session.getKey(), List.of());
            Set<Long> distinct = new HashSet<>(revisions);
            duplicates += revisions.size() - distinct.size();
            for (long count = 1; count <= session.getValue(); count++) {
                if (!distinct.contains(count)) {
                    missing++;
                }
            }
            long outOfRange = distinct.stream().filter(count -> count < 1 || count > session.getValue()).count();
            wrong += (int) outOfRange;
            for (int i = 1; i < revisions.size(); i++) {
                if (revisions.get(i) < revisions.get(i - 1)) {
                    wrong++;
                }
            }
        }
        seen.keySet().stream().filter(session -> !expectedEvents.containsKey(session))
                .forEach(session -> wrong += seen.get(session).size());
        Map<String, Integer> finalRows = counts(Rows.canonical(OutputTopicReader.finalValuesByKey(records)));
        for (String row : Rows.canonical(expected)) {
            if (finalRows.getOrDefault(row, 0) == 0) {
                wrong++;
            }
        }
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
