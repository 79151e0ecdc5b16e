package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopstream.bundle.AccountingTopics;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.generator.EventGenerator;
import io.shopstream.generator.GeneratorSettings;
import io.shopstream.localstack.Deadline;
import io.shopstream.localstack.PinotCluster;
import io.shopstream.output.OutputRecord;
import io.shopstream.output.OutputTopicReader;
import io.shopstream.pinot.PinotBroker;
import io.shopstream.pinot.PinotConfigShape;
import io.shopstream.pinot.PinotController;
import io.shopstream.pinot.PinotQueryException;
import io.shopstream.pinot.PinotTable;
import io.shopstream.pinot.QueryResult;
import io.shopstream.pinot.TablesAsCode;
import io.shopstream.planning.SinkTable;
import io.shopstream.reference.ReferenceMetrics;
import io.shopstream.reference.Rows;
import io.shopstream.submitting.SubmittedPipeline;
import io.shopstream.testing.RepositorySql;
import io.shopstream.variables.Variables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain, exactly: fixed generated events into Kafka, every pipeline's latest version (exactly-once sinks)
 * on Flink, their committed output topics, and a real Pinot 0.11 ingesting them through the repository's table
 * configs. Pinot's answers, queried through the product's own client, equal what the independent reference model
 * computes from the same events, value for value: every row of the append tables (money as exact decimals, times as
 * epoch milliseconds), per-window and total sums, and for the session upsert table one row per session (as many as
 * the events have sessions) with its final values, while {@code skipUpsert} shows every version Flink committed, once
 * each, and for the most revised session in the order Flink committed them.
 *
 * <p>Pinot has its own cluster rather than a shared one: Pinot table names are global, not under a topic prefix, and
 * {@link PinotTablesIT} needs an empty Pinot and checks that its processes are gone once it is closed. Pinot starts
 * alongside everything else, and its tables are created as soon as it is up, while the pipelines may still be
 * writing: it may read topics whose transactions are still open.
 */
class PinotEndToEndIT {

    private static final long SEED = 20261124L;
    /** Five minutes of event time: about 580 sessions, most revised several times, some fifteen times or more. */
    private static final int EVENTS = 3_000;
    private static final Duration JOBS_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration INGESTION_TIMEOUT = Duration.ofMinutes(2);
    /** Larger than any table here: Pinot answers 10 rows when a query sets no limit. */
    private static final int ALL_ROWS = 1_000_000;
    private static final String HISTORY = " option(skipUpsert=true)";
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Kept when the test fails: Pinot's log is in {@code pinot/pinot.log}. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path directory;

    @Test
    void pinotAnswersEqualTheReferenceModelExactly() throws Exception {
        CompletableFuture<PinotCluster> pinotStarting =
                CompletableFuture.supplyAsync(() -> PinotCluster.start(directory.resolve("pinot"), 0, 0));
        // However the test ends, the Pinot it started stops.
        try (AutoCloseable stopPinot = () -> pinotStarting.thenAccept(PinotCluster::close).join()) {
            SharedStack stack = SharedStack.get();
            String prefix = SharedStack.uniquePrefix("pinot-e2e");
            SqlBundle bundle = SqlBundle.at(RepositorySql.DIRECTORY);
            Variables variables = stack.variables(bundle, prefix, Map.of("SCAN_BOUNDED_MODE", "latest-offset"));
            List<OutgoingEvent> events = new ArrayList<>();
            EventGenerator.ofCount(GeneratorSettings.defaults(SEED), EVENTS).forEachRemaining(events::add);
            List<String> lines = events.stream().map(OutgoingEvent::json).toList();

            List<SubmittedPipeline> jobs = stack.runLatestPipelines(bundle, variables, prefix, events);

            PinotCluster pinot = pinotStarting.join();
            List<PinotTable> tables = PinotTable.loadAll(RepositorySql.PINOT_SCHEMAS);
            new TablesAsCode(new PinotController(pinot.controller()), Map.of("TOPIC_PREFIX", prefix,
                    "KAFKA_BOOTSTRAP_SERVERS", stack.kafka.bootstrapServers()), PinotConfigShape.PINOT_0_11)
                    .apply(tables, false);
            for (SubmittedPipeline job : jobs) {
                job.job().getJobExecutionResult().get(JOBS_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }

            Map<String, Output> outputs = new LinkedHashMap<>();
            try (OutputTopicReader reader = new OutputTopicReader(stack.kafka.bootstrapServers())) {
                for (SubmittedPipeline job : jobs) {
                    SinkTable sink = job.sinks().get(0);
                    String topic = sink.topic().orElseThrow();
                    if (job.id().name().equals(AccountingTopics.DEAD_LETTERS_PIPELINE)) {
                        // No Pinot table (see PinotContract); valid events make no dead letters.
                        assertThat(reader.readAll(topic, Duration.ofSeconds(60))).isEmpty();
                        continue;
                    }
                    PinotTable table = tables.stream().filter(t -> t.topic(prefix).equals(Optional.of(topic)))
                            .findFirst().orElseThrow(() -> new AssertionError("no Pinot table ingests " + topic));
                    Output output = new Output(table, sink.isUpsert(), reader.readAll(topic, Duration.ofSeconds(60)),
                            ReferenceMetrics.expectedRows(job.id().name(), lines));
                    // Flink's half of the chain first, so that a mismatch further down is Pinot's.
                    assertThat(output.expected()).as("the reference has rows for " + job.id()).hasSizeGreaterThan(4);
                    Rows.assertSameRows(output.committedRows(), output.expected(), job.id() + " in " + topic);
                    outputs.put(table.name(), output);
                }
            }

            try (PinotBroker broker = PinotBroker.connect(pinot.broker())) {
                long waitStarted = System.nanoTime();
                outputs.values().forEach(output -> awaitIngested(broker, output));
                System.out.printf("Pinot held every committed record %d ms after the topics were read%n",
                        (System.nanoTime() - waitStarted) / 1_000_000);

                assertAppendTable(broker, outputs.get("active_users_1m_v1"));
                assertAppendTable(broker, outputs.get("product_metrics_1m_v1"));
                assertProductSumsPerWindow(broker, outputs.get("product_metrics_1m_v1").expected());
                assertSessionUpsertTable(broker, outputs.get("session_metrics_v3"), lines);
                assertTotalRevenue(broker, lines);
            }
        }
    }

    /** What a pipeline committed to its topic, the Pinot table ingesting it, and the reference model's rows. */
    private record Output(PinotTable table, boolean upsert, List<OutputRecord> records, List<String> expected) {

        /** Every record with a value, in partition then offset order: what Pinot ingests (a tombstone is no row). */
        List<String> values() {
            return records.stream().flatMap(record -> record.value().stream()).toList();
        }

        /** The rows the topic holds: for an upsert topic, the final value of each key. */
        List<String> committedRows() {
            return upsert ? OutputTopicReader.finalValuesByKey(records) : values();
        }
    }

    /** Waits until Pinot holds one row per committed record of the topic, then checks it holds no more. */
    private static void awaitIngested(PinotBroker broker, Output output) {
        long records = output.values().size();
        String sql = "select count(*) from " + output.table().name() + (output.upsert() ? HISTORY : "");
        AtomicReference<Optional<Long>> lastCount = new AtomicReference<>(Optional.empty());
        Deadline.in(INGESTION_TIMEOUT).until(() -> {
            lastCount.set(count(broker, sql));
            return lastCount.get().map(count -> count >= records).orElse(false);
        });
        assertThat(lastCount.get()).as("%s after at most %d s: as many rows as committed records", sql,
                INGESTION_TIMEOUT.toSeconds()).contains(records);
    }

    /** Every row, every column of the schema, equals the reference model's rows. */
    private static void assertAppendTable(PinotBroker broker, Output output) {
        assertColumnsAreThePipelines(output);
        Rows.assertSameRows(rows(broker, output.table(), ""), output.expected(), "Pinot's " + output.table().name());
    }

    /** Per window, Pinot's SUM of views and exact SUMPRECISION of revenue equal the reference rows' sums. */
    private static void assertProductSumsPerWindow(PinotBroker broker, List<String> expectedRows) {
        Map<Long, BigDecimal> views = new TreeMap<>();
        Map<Long, BigDecimal> revenue = new TreeMap<>();
        for (String line : expectedRows) {
            JsonNode row = parse(line);
            views.merge(row.get("window_start").asLong(), row.get("views").decimalValue(), BigDecimal::add);
            revenue.merge(row.get("window_start").asLong(), row.get("revenue").decimalValue(), BigDecimal::add);
        }
        Map<Long, List<String>> expected = new TreeMap<>();
        views.forEach((window, sum) -> expected.put(window, List.of(plain(sum), plain(revenue.get(window)))));
        QueryResult answer = broker.query("select cast(window_start as long), sum(views), sumprecision(revenue)"
                + " from product_metrics_1m_v1 group by cast(window_start as long)"
                + " order by cast(window_start as long) limit " + ALL_ROWS);
        Map<Long, List<String>> actual = new TreeMap<>();
        for (List<String> row : answer.rows()) {
            // SUM answers a double, exact for counts this small; SUMPRECISION answers the exact decimal as text.
            actual.put(Long.parseLong(row.get(0)), List.of(plain(new BigDecimal(row.get(1))),
                    plain(new BigDecimal(row.get(2)))));
        }
        assertThat(expected).as("reference windows").hasSizeGreaterThan(3);
        assertThat(actual).as("views and revenue per window (epoch ms -> [views, revenue])").isEqualTo(expected);
    }

    /**
     * One row per session of the input with its final values; the history ({@code skipUpsert}) is every committed
     * version, and for the most revised session, in Pinot's own ingestion order, event counts rising to the final one.
     */
    private static void assertSessionUpsertTable(PinotBroker broker, Output output, List<String> lines) {
        assertColumnsAreThePipelines(output);
        String table = output.table().name();
        long sessions = lines.stream().map(line -> parse(line).get("session_id").asText()).distinct().count();
        assertThat(count(broker, "select count(*) from " + table)).as("one row per session of the input")
                .contains(sessions);
        Rows.assertSameRows(rows(broker, output.table(), ""), output.expected(), "Pinot's " + table + ", final rows");

        List<String> history = rows(broker, output.table(), HISTORY);
        assertThat((long) history.size()).as("versions in Pinot's history, against sessions")
                .isGreaterThan(sessions);
        Rows.assertSameRows(history, output.values(), "Pinot's " + table + " history, against the topic");

        Map<String, List<Long>> versions = new LinkedHashMap<>();
        for (String value : output.values()) {
            JsonNode row = parse(value);
            versions.computeIfAbsent(row.get("session_id").asText(), session -> new ArrayList<>())
                    .add(row.get("event_count").asLong());
        }
        Map.Entry<String, List<Long>> mostRevised = versions.entrySet().stream()
                .max(Comparator.comparingInt(entry -> entry.getValue().size())).orElseThrow();
        String session = mostRevised.getKey();
        assertThat(mostRevised.getValue()).as("the versions of session %s in the topic", session).hasSizeGreaterThan(1)
                .isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
        String where = " from " + table + " where session_id = '" + session + "'";
        // Document ids number a segment's rows in ingestion order; a session's rows share its partition's segment.
        QueryResult ingested = broker.query("select $segmentName, $docId, event_count" + where
                + " order by $docId limit " + ALL_ROWS + HISTORY);
        assertThat(ingested.rows()).as("rows of session %s in Pinot's history", session).isNotEmpty()
                .allMatch(row -> row.get(0).equals(ingested.rows().get(0).get(0)));
        assertThat(ingested.rows().stream().map(row -> Long.parseLong(row.get(2))).toList())
                .as("event_count of session %s in Pinot's ingestion order", session)
                .isEqualTo(mostRevised.getValue());
        long finalEventCount = output.expected().stream().map(PinotEndToEndIT::parse)
                .filter(row -> row.get("session_id").asText().equals(session)).findFirst().orElseThrow()
                .get("event_count").asLong();
        assertThat(mostRevised.getValue()).last().isEqualTo(finalEventCount);
        assertThat(broker.query("select event_count" + where + " limit " + ALL_ROWS).rows())
                .as("session %s without skipUpsert: its final version only", session)
                .containsExactly(List.of(String.valueOf(finalEventCount)));
    }

    /**
     * The revenue of every purchase in the input, summed exactly here, is the exact total of both tables holding
     * revenue: per product and minute, and per session (where only each session's final version may count).
     */
    private static void assertTotalRevenue(PinotBroker broker, List<String> lines) {
        BigDecimal purchases = BigDecimal.ZERO;
        for (String line : lines) {
            JsonNode event = parse(line);
            if (event.get("event_type").asText().equals("purchase") && event.hasNonNull("total_amount")) {
                // DECIMAL(12, 2), as the source table reads total_amount.
                purchases = purchases.add(event.get("total_amount").decimalValue().setScale(2, RoundingMode.HALF_UP));
            }
        }
        assertThat(purchases).as("revenue in the input").isPositive();
        for (String table : List.of("product_metrics_1m_v1", "session_metrics_v3")) {
            String sql = "select sumprecision(revenue) from " + table;
            assertThat(plain(new BigDecimal(broker.query(sql).rows().get(0).get(0)))).as(sql)
                    .isEqualTo(plain(purchases));
        }
    }

    /** The table's schema has exactly the pipeline's output columns, so comparing rows compares every column. */
    private static void assertColumnsAreThePipelines(Output output) {
        Set<String> outputColumns = new LinkedHashSet<>();
        parse(output.expected().get(0)).fieldNames().forEachRemaining(outputColumns::add);
        assertThat(output.table().columns().keySet()).as("columns of Pinot's " + output.table().name())
                .containsExactlyInAnyOrderElementsOf(outputColumns);
    }

    /**
     * Every row of a table with every column of its schema, as JSON objects like the pipelines': numbers as exact
     * decimals, booleans as booleans, TIMESTAMP columns as epoch milliseconds (cast in Pinot, so no time zone of
     * Pinot's or ours comes into it).
     */
    private static List<String> rows(PinotBroker broker, PinotTable table, String options) {
        List<String> columns = new ArrayList<>(table.columns().keySet());
        String select = columns.stream().map(column -> table.columns().get(column).equals("TIMESTAMP")
                ? "cast(" + column + " as long)" : column).collect(Collectors.joining(", "));
        QueryResult answer = broker.query("select " + select + " from " + table.name() + " limit " + ALL_ROWS
                + options);
        assertThat(answer.rows()).as("rows of " + table.name() + options).hasSizeLessThan(ALL_ROWS);
        List<String> rows = new ArrayList<>();
        for (List<String> values : answer.rows()) {
            ObjectNode row = JSON.createObjectNode();
            for (int column = 0; column < columns.size(); column++) {
                String name = columns.get(column);
                String value = values.get(column);
                switch (answer.types().get(column)) {
                    case "INT", "LONG", "BIG_DECIMAL" -> row.put(name, new BigDecimal(value));
                    case "STRING" -> row.put(name, value);
                    case "BOOLEAN" -> {
                        assertThat(value).as(name).isIn("true", "false");
                        row.put(name, Boolean.parseBoolean(value));
                    }
                    default -> throw new AssertionError("unexpected Pinot type " + answer.types().get(column)
                            + " of " + name + " in " + table.name());
                }
            }
            rows.add(row.toString());
        }
        return rows;
    }

    /** {@code count(*)} as Pinot answers it, or empty while the table's segments are not all online yet. */
    private static Optional<Long> count(PinotBroker broker, String sql) {
        try {
            return Optional.of(Long.parseLong(broker.query(sql).rows().get(0).get(0)));
        } catch (PinotQueryException notYetServing) {
            return Optional.empty();
        }
    }

    /** A decimal in its shortest exact form: {@code 12.50} and {@code 12.5} alike, {@code 225.0} as {@code 225}. */
    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
