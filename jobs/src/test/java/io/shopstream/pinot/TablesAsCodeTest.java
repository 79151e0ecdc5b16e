package io.shopstream.pinot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopstream.testing.RepositorySql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TablesAsCodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<PinotTable> TABLES = PinotTable.loadAll(RepositorySql.PINOT_SCHEMAS);
    private static final Map<String, String> PLACEHOLDERS = Map.of("TOPIC_PREFIX", "it-",
            "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");

    @Test
    void whatTheFileStatesMustBeThereDefaultsTheControllerAddsDoNotCount() throws Exception {
        JsonNode wanted = JSON.readTree("{\"a\":{\"b\":\"1\",\"c\":[{\"d\":2}]},\"e\":\"x\"}");

        assertThat(TablesAsCode.firstDifference(wanted,
                JSON.readTree("{\"a\":{\"b\":1,\"c\":[{\"d\":2,\"z\":0}],\"y\":3},\"e\":\"x\",\"f\":true}"), ""))
                .isEmpty();
        assertThat(TablesAsCode.firstDifference(wanted, JSON.readTree("{\"a\":{\"b\":\"2\",\"c\":[{\"d\":2}]}}"), ""))
                .contains("a.b: \"2\" -> \"1\"");
        assertThat(TablesAsCode.firstDifference(wanted, JSON.readTree("{\"a\":{\"b\":\"1\",\"c\":[]},\"e\":\"x\"}"),
                "")).contains("a.c: [] -> [{\"d\":2}]");
        assertThat(TablesAsCode.firstDifference(wanted, JSON.readTree("{\"a\":{\"b\":\"1\",\"c\":[{\"d\":2}]}}"), ""))
                .contains("e: (none) -> \"x\"");
        assertThat(TablesAsCode.firstDifference(wanted, JSON.readTree("{\"a\":{\"b\":\"1\"},\"e\":\"x\"}"), ""))
                .contains("a.c: (none) -> [{\"d\":2}]");
    }

    @Test
    void pinot011IsSentTheFilesAsTheyAreAndASecondApplyFindsNothingToDo() {
        FakeController pinot = FakeController.pinot011();

        assertThat(apply(pinot, PinotConfigShape.PINOT_0_11)).containsExactlyElementsOf(lines("create"));
        assertThat(apply(pinot, PinotConfigShape.PINOT_0_11)).containsExactlyElementsOf(lines("unchanged"));
        for (PinotTable table : TABLES) {
            assertThat(pinot.sent.get("table " + table.name()).toString())
                    .isEqualTo(resolved(table.table()).toString());
            assertThat(pinot.sent.get("schema " + table.name()).toString())
                    .isEqualTo(resolved(table.schema()).toString());
        }
    }

    @Test
    void pinot1IsSentThePinot1ShapeAndASecondApplyFindsNothingToDo() {
        for (FakeController pinot : List.of(FakeController.pinot1(false), FakeController.pinot1(true))) {
            assertThat(apply(pinot, PinotConfigShape.PINOT_1)).containsExactlyElementsOf(lines("create"));
            assertThat(apply(pinot, PinotConfigShape.PINOT_1)).containsExactlyElementsOf(lines("unchanged"));
            assertThat(pinot.sent.get("table session_metrics_v3").path("ingestionConfig")
                    .path("streamIngestionConfig").path("streamConfigMaps").path(0).path("stream.kafka.topic.name")
                    .asText()).isEqualTo("it-session_metrics_v3");
        }
    }

    @Test
    void theFilesAsTheyAreWouldBeUpdatedOnEveryApplyToPinot1() {
        FakeController pinot13 = FakeController.pinot1(false);
        apply(pinot13, PinotConfigShape.PINOT_0_11);
        FakeController pinot14 = FakeController.pinot1(true);
        apply(pinot14, PinotConfigShape.PINOT_0_11);

        assertThat(apply(pinot13, PinotConfigShape.PINOT_0_11)).containsExactly(
                "update schema active_users_1m_v1 (dateTimeFieldSpecs[0].format: \"TIMESTAMP\" ->"
                        + " \"1:MILLISECONDS:EPOCH\")",
                "update schema product_metrics_1m_v1 (dateTimeFieldSpecs[0].format: \"TIMESTAMP\" ->"
                        + " \"1:MILLISECONDS:EPOCH\")",
                "update schema session_metrics_v3 (dateTimeFieldSpecs[0].format: \"TIMESTAMP\" ->"
                        + " \"1:MILLISECONDS:EPOCH\")",
                "unchanged table active_users_1m_v1",
                "unchanged table product_metrics_1m_v1",
                "update table session_metrics_v3 (upsertConfig.comparisonColumn: (none) -> \"event_count\")");
        assertThat(apply(pinot14, PinotConfigShape.PINOT_0_11)).contains(
                "update table active_users_1m_v1 (segmentsConfig.schemaName: (none) -> \"active_users_1m_v1\")");
    }

    @Test
    void aTableCreatedBy011IsMovedToThePinot1ShapeOnceAfterAnUpgrade() {
        FakeController pinot = FakeController.pinot011();
        apply(pinot, PinotConfigShape.PINOT_0_11);
        FakeController upgraded = pinot.upgradedTo1();

        assertThat(apply(upgraded, PinotConfigShape.PINOT_1)).contains("unchanged schema active_users_1m_v1")
                .anyMatch(line -> line.startsWith("update table active_users_1m_v1"
                        + " (ingestionConfig.streamIngestionConfig.streamConfigMaps: (none) -> [{\"streamType\""));
        assertThat(apply(upgraded, PinotConfigShape.PINOT_1)).containsExactlyElementsOf(lines("unchanged"));
    }

    private static List<String> apply(FakeController pinot, PinotConfigShape shape) {
        return new TablesAsCode(pinot, PLACEHOLDERS, shape).apply(TABLES, false).stream().map(Object::toString)
                .toList();
    }

    private static List<String> lines(String action) {
        List<String> lines = new ArrayList<>();
        TABLES.forEach(table -> lines.add(action + " schema " + table.name()));
        TABLES.forEach(table -> lines.add(action + " table " + table.name()));
        return lines;
    }

    private static JsonNode resolved(JsonNode config) {
        try {
            return JSON.readTree(config.toString().replace("${TOPIC_PREFIX}", "it-")
                    .replace("${KAFKA_BOOTSTRAP_SERVERS}", "kafka:9092"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A controller that keeps what it is sent and answers it as the Pinot version it plays does (see
     * pinot-schemas/README.md): the table named with its type and defaults added, and for 1.x what 1.x keeps
     * otherwise; it refuses a stream configured in both places, as 1.x does.
     */
    private static final class FakeController implements TablesAsCode.Controller {

        final Map<String, JsonNode> sent = new LinkedHashMap<>();
        private final Map<String, JsonNode> schemas = new LinkedHashMap<>();
        private final Map<String, JsonNode> tables = new LinkedHashMap<>();
        private final UnaryOperator<JsonNode> keepSchema;
        private final UnaryOperator<JsonNode> keepTable;

        private FakeController(UnaryOperator<JsonNode> keepSchema, UnaryOperator<JsonNode> keepTable) {
            this.keepSchema = keepSchema;
            this.keepTable = keepTable;
        }

        static FakeController pinot011() {
            return new FakeController(schema -> schema, FakeController::withDefaults);
        }

        /** @param dropsSchemaName as 1.4 and later do, which no longer know segmentsConfig.schemaName */
        static FakeController pinot1(boolean dropsSchemaName) {
            return new FakeController(FakeController::asPinot1KeepsSchema,
                    table -> withDefaults(asPinot1KeepsTable(table, dropsSchemaName)));
        }

        /** The same schemas and tables, answered from now on as 1.4 answers them: what an upgrade leaves. */
        FakeController upgradedTo1() {
            FakeController upgraded = pinot1(true);
            schemas.forEach((name, schema) -> upgraded.schemas.put(name, asPinot1KeepsSchema(schema)));
            tables.forEach((name, table) -> upgraded.tables.put(name, asPinot1KeepsTable(table, true)));
            return upgraded;
        }

        @Override
        public Optional<JsonNode> schema(String name) {
            return Optional.ofNullable(schemas.get(name));
        }

        @Override
        public Optional<JsonNode> realtimeTable(String name) {
            return Optional.ofNullable(tables.get(name));
        }

        @Override
        public void createSchema(JsonNode schema) {
            String name = schema.path("schemaName").asText();
            sent.put("schema " + name, schema);
            schemas.put(name, keepSchema.apply(schema.deepCopy()));
        }

        @Override
        public void updateSchema(String name, JsonNode schema) {
            createSchema(schema);
        }

        @Override
        public void createTable(JsonNode table) {
            String name = table.path("tableName").asText();
            if (table.path("tableIndexConfig").has("streamConfigs") && table.path("ingestionConfig")
                    .has("streamIngestionConfig")) {
                throw new PinotConfigException("Should not use indexingConfig#getStreamConfigs if"
                        + " ingestionConfig#StreamIngestionConfig is provided");
            }
            sent.put("table " + name, table);
            tables.put(name, keepTable.apply(table.deepCopy()));
        }

        @Override
        public void updateTable(String name, JsonNode table) {
            createTable(table);
        }

        private static JsonNode withDefaults(JsonNode table) {
            ObjectNode kept = (ObjectNode) table;
            kept.put("tableName", kept.path("tableName").asText() + "_REALTIME");
            kept.putObject("tenants").put("broker", "DefaultTenant").put("server", "DefaultTenant");
            ((ObjectNode) kept.get("tableIndexConfig")).put("aggregateMetrics", false);
            return kept;
        }

        /** 1.2+ keeps TIMESTAMP as the format of a TIMESTAMP column. */
        private static JsonNode asPinot1KeepsSchema(JsonNode schema) {
            ObjectNode kept = schema.deepCopy();
            kept.put("enableColumnBasedNullHandling", false);
            kept.path("dateTimeFieldSpecs").forEach(spec -> {
                if (spec.path("dataType").asText().equals("TIMESTAMP")) {
                    ((ObjectNode) spec).put("format", "TIMESTAMP");
                }
            });
            return kept;
        }

        /** 1.x answers comparisonColumn as comparisonColumns and adds its upsert defaults. */
        private static JsonNode asPinot1KeepsTable(JsonNode table, boolean dropsSchemaName) {
            ObjectNode kept = table.deepCopy();
            if (kept.path("upsertConfig").isObject()) {
                ObjectNode upsert = (ObjectNode) kept.get("upsertConfig");
                if (upsert.has("comparisonColumn")) {
                    upsert.putArray("comparisonColumns").add(upsert.remove("comparisonColumn").asText());
                }
                upsert.put("enableSnapshot", false);
            }
            if (dropsSchemaName) {
                ((ObjectNode) kept.get("segmentsConfig")).remove("schemaName");
            }
            return kept;
        }
    }
}
