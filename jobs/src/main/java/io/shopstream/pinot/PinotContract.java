package io.shopstream.pinot;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopstream.bundle.AccountingTopics;
import io.shopstream.planning.SinkTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold between the pipelines' Kafka sinks and the Pinot tables that ingest their topics, so Pinot answers
 * what Flink computed: every sink topic has exactly one table and every table a sink; the same columns, of matching
 * types; an upsert sink has an upsert table on the same primary key (else a dashboard sums every revision of a row),
 * compared on a column that only grows and routed to one replica group; every table reads committed rows only.
 *
 * <p>The accounting topics ({@link AccountingTopics}: dead letters and late events) are not metrics and have no Pinot
 * table: they are read with {@code tail} and counted in {@code local}'s summary, and a dead letter has no event time
 * for the time column a Pinot REALTIME table requires.
 */
public final class PinotContract {

    /** The Pinot types a Flink type may land in. */
    private static final Map<String, Set<String>> PINOT_TYPES = Map.of(
            "BIGINT", Set.of("LONG", "TIMESTAMP"),
            "INTEGER", Set.of("INT", "LONG"),
            "VARCHAR", Set.of("STRING"),
            "CHAR", Set.of("STRING"),
            "BOOLEAN", Set.of("BOOLEAN"),
            "DOUBLE", Set.of("DOUBLE"),
            "FLOAT", Set.of("FLOAT", "DOUBLE"),
            "DECIMAL", Set.of("BIG_DECIMAL", "DOUBLE"),
            "TIMESTAMP_WITHOUT_TIME_ZONE", Set.of("TIMESTAMP"));

    private PinotContract() {}

    /**
     * The disagreements between {@code sinks} (of every pipeline) and {@code tables}, as messages naming the table,
     * the sink and what differs; empty when they agree.
     */
    public static List<String> check(List<SinkTable> sinks, List<PinotTable> tables, String topicPrefix) {
        List<String> problems = new ArrayList<>();
        Map<String, SinkTable> sinkByTopic = new LinkedHashMap<>();
        Set<String> accounting = Set.of(AccountingTopics.deadLetters(topicPrefix),
                AccountingTopics.lateEvents(topicPrefix));
        sinks.stream().filter(SinkTable::isKafka).forEach(sink -> sink.topic()
                .filter(topic -> !accounting.contains(topic))
                .ifPresent(topic -> sinkByTopic.putIfAbsent(topic, sink)));
        Map<String, PinotTable> tableByTopic = new LinkedHashMap<>();
        for (PinotTable table : tables) {
            Optional<String> topic = table.topic(topicPrefix);
            if (topic.isEmpty()) {
                problems.add(table.where() + ": the table config names no stream.kafka.topic.name");
                continue;
            }
            PinotTable other = tableByTopic.putIfAbsent(topic.get(), table);
            if (other != null) {
                problems.add(table.where() + ": ingests topic " + topic.get() + ", as " + other.where()
                        + " does already");
            }
            SinkTable sink = sinkByTopic.get(topic.get());
            if (sink == null) {
                problems.add(table.where() + ": ingests topic " + topic.get() + ", which no pipeline writes"
                        + " (sink topics: " + String.join(", ", sinkByTopic.keySet()) + ")");
            } else {
                compare(sink, table, problems);
            }
        }
        sinkByTopic.forEach((topic, sink) -> {
            if (!tableByTopic.containsKey(topic)) {
                problems.add("sink " + sink.name() + " writes topic " + topic + ", which no Pinot table ingests: add"
                        + " pinot-schemas/" + topic.substring(topicPrefix.length()) + "/schema.json and table.json");
            }
        });
        return problems;
    }

    private static void compare(SinkTable sink, PinotTable table, List<String> problems) {
        String where = table.where() + " (sink " + sink.name() + "): ";
        Map<String, String> pinotColumns = table.columns();
        for (SinkTable.Column column : sink.columns()) {
            String pinotType = pinotColumns.get(column.name());
            Set<String> allowed = PINOT_TYPES.getOrDefault(column.type(), Set.of());
            if (pinotType == null) {
                problems.add(where + "column " + column.name() + " (" + column.type()
                        + ") is missing from schema.json");
            } else if (!allowed.contains(pinotType)) {
                problems.add(where + "column " + column.name() + " is " + column.type() + " in Flink but " + pinotType
                        + " in Pinot (expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        List<String> sinkColumns = sink.columns().stream().map(SinkTable.Column::name).toList();
        pinotColumns.keySet().stream().filter(column -> !sinkColumns.contains(column)).forEach(column ->
                problems.add(where + "column " + column + " of schema.json is not written by the sink"));
        Map<String, String> stream = table.streamConfigs();
        if (!"read_committed".equals(stream.get("stream.kafka.isolation.level"))) {
            problems.add(where + "stream.kafka.isolation.level must be read_committed, or Pinot shows rows of"
                    + " transactions Flink aborts");
        }
        checkUpsert(sink, table, where, problems);
    }

    private static void checkUpsert(SinkTable sink, PinotTable table, String where, List<String> problems) {
        Optional<JsonNode> upsert = table.upsertConfig();
        if (sink.isUpsert() && upsert.isEmpty()) {
            problems.add(where + "the sink is an upsert sink keyed by " + sink.primaryKey() + " but the table has no"
                    + " upsertConfig: every revision of a row would count");
            return;
        }
        if (!sink.isUpsert() && upsert.isPresent()) {
            problems.add(where + "the table is an upsert table but the sink appends rows (connector "
                    + sink.connector() + ")");
            return;
        }
        if (!sink.primaryKey().equals(table.primaryKey())) {
            problems.add(where + "primary key " + table.primaryKey() + " in schema.json, " + sink.primaryKey()
                    + " in the sink: they must be the same");
        }
        if (upsert.isEmpty()) {
            return;
        }
        if (!upsert.get().path("mode").asText().equals("FULL")) {
            problems.add(where + "upsertConfig.mode must be FULL: the sink writes whole rows");
        }
        List<String> comparison = table.comparisonColumns();
        if (comparison.size() != 1 || !table.columns().containsKey(comparison.get(0))) {
            problems.add(where + "upsertConfig.comparisonColumn must name a column that only grows, not '"
                    + String.join(", ", comparison) + "'");
        }
        if (!table.instanceSelector().equals("strictReplicaGroup")) {
            problems.add(where + "routing.instanceSelectorType must be strictReplicaGroup for an upsert table");
        }
    }
}
