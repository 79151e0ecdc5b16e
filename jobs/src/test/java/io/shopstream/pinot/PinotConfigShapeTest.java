package io.shopstream.pinot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopstream.testing.RepositorySql;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repository's configs, written for Pinot 0.11, in the shape a Pinot 1.x controller takes and answers: nothing of
 * the 0.11 shape left that 1.x refuses, deprecates or answers otherwise; the same again when translated twice.
 */
class PinotConfigShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<PinotTable> TABLES = PinotTable.loadAll(RepositorySql.PINOT_SCHEMAS);

    @Test
    void everyTableInThePinot1ShapeReadsItsStreamFromIngestionConfigAndKeepsNothingOfThe011Shape() {
        assertThat(TABLES).hasSize(3);
        for (PinotTable table : TABLES) {
            JsonNode translated = PinotConfigShape.PINOT_1.table(table.table());

            assertThat(translated.path("ingestionConfig").path("streamIngestionConfig").path("streamConfigMaps"))
                    .as(table.where()).containsExactly(table.table().path("tableIndexConfig").path("streamConfigs"));
            assertThat(translated.path("tableIndexConfig").has("streamConfigs")).as(table.where()).isFalse();
            assertThat(translated.path("upsertConfig").has("comparisonColumn")).as(table.where()).isFalse();
            assertThat(translated.path("segmentsConfig").has("replicasPerPartition")).as(table.where()).isFalse();
            assertThat(translated.path("segmentsConfig").has("schemaName")).as(table.where()).isFalse();
            assertThat(translated.path("segmentsConfig").path("replication").asText()).as(table.where())
                    .isEqualTo(table.table().path("segmentsConfig").path("replicasPerPartition").asText());
            // What 1.x reads as before stays as it is: the timestamp index, routing, the Kafka plugin.
            assertThat(translated.path("fieldConfigList")).isEqualTo(table.table().path("fieldConfigList"));
            assertThat(translated.path("routing")).isEqualTo(table.table().path("routing"));
            assertThat(new PinotTable(table.folder(), table.schema(), translated).streamConfigs())
                    .isEqualTo(table.streamConfigs());
        }
    }

    @Test
    void theUpsertTableInThePinot1ShapeIsThis() throws Exception {
        PinotTable sessions = table("session_metrics_v3");

        assertThat(PinotConfigShape.PINOT_1.table(sessions.table())).isEqualTo(JSON.readTree("""
                {
                  "tableName": "session_metrics_v3",
                  "tableType": "REALTIME",
                  "segmentsConfig": {
                    "timeColumnName": "last_event_time",
                    "replication": "1",
                    "retentionTimeUnit": "DAYS",
                    "retentionTimeValue": "7"
                  },
                  "tenants": {},
                  "tableIndexConfig": {"loadMode": "MMAP"},
                  "fieldConfigList": [{"name": "last_event_time", "encodingType": "DICTIONARY",
                    "indexTypes": ["TIMESTAMP"], "timestampConfig": {"granularities": ["MINUTE", "HOUR"]}}],
                  "metadata": {},
                  "routing": {"instanceSelectorType": "strictReplicaGroup"},
                  "upsertConfig": {"mode": "FULL", "comparisonColumns": ["event_count"]},
                  "ingestionConfig": {"streamIngestionConfig": {"streamConfigMaps": [%s]}}
                }""".formatted(sessions.table().path("tableIndexConfig").path("streamConfigs"))));
        assertThat(sessions.comparisonColumns()).containsExactly("event_count");
        assertThat(new PinotTable(sessions.folder(), sessions.schema(), PinotConfigShape.PINOT_1.table(
                sessions.table())).comparisonColumns()).containsExactly("event_count");
    }

    @Test
    void everySchemaInThePinot1ShapeGivesItsTimestampColumnsTheFormatPinot1Keeps() {
        for (PinotTable table : TABLES) {
            JsonNode translated = PinotConfigShape.PINOT_1.schema(table.schema());

            assertThat(translated.path("dateTimeFieldSpecs")).as(table.where()).isNotEmpty().allSatisfy(spec -> {
                assertThat(spec.path("dataType").asText()).isEqualTo("TIMESTAMP");
                assertThat(spec.path("format").asText()).isEqualTo("TIMESTAMP");
            });
            ObjectNode withoutTimeColumns = translated.deepCopy();
            withoutTimeColumns.remove("dateTimeFieldSpecs");
            ObjectNode original = table.schema().deepCopy();
            original.remove("dateTimeFieldSpecs");
            assertThat(withoutTimeColumns).as(table.where()).isEqualTo(original);
        }
    }

    @Test
    void translatingTwiceGivesTheSameAndLeavesTheFilesAsTheyAre() {
        for (PinotTable table : TABLES) {
            JsonNode tableBefore = table.table().deepCopy();
            JsonNode schemaBefore = table.schema().deepCopy();
            JsonNode once = PinotConfigShape.PINOT_1.table(table.table());
            JsonNode onceSchema = PinotConfigShape.PINOT_1.schema(table.schema());

            assertThat(PinotConfigShape.PINOT_1.table(once)).as(table.where()).isEqualTo(once);
            assertThat(PinotConfigShape.PINOT_1.schema(onceSchema)).as(table.where()).isEqualTo(onceSchema);
            assertThat(table.table()).isEqualTo(tableBefore);
            assertThat(table.schema()).isEqualTo(schemaBefore);
        }
    }

    @Test
    void thePinot011ShapeIsTheFilesAsTheyAre() {
        for (PinotTable table : TABLES) {
            assertThat(PinotConfigShape.PINOT_0_11.table(table.table())).isEqualTo(table.table());
            assertThat(PinotConfigShape.PINOT_0_11.schema(table.schema())).isEqualTo(table.schema());
        }
    }

    @Test
    void theShapeFollowsTheMajorVersionPinotSays() {
        assertThat(PinotConfigShape.of("0.11.0-1b4d6b6b0a27422c1552ea1a936ad145056f7033"))
                .isEqualTo(PinotConfigShape.PINOT_0_11);
        assertThat(PinotConfigShape.of("0.12")).isEqualTo(PinotConfigShape.PINOT_0_11);
        assertThat(PinotConfigShape.of("1.2.0-cc33ac502a02e2fe830fe21e556234ee99351a7a"))
                .isEqualTo(PinotConfigShape.PINOT_1);
        assertThat(PinotConfigShape.of("1.5.0-SNAPSHOT")).isEqualTo(PinotConfigShape.PINOT_1);
        assertThat(PinotConfigShape.of("1")).isEqualTo(PinotConfigShape.PINOT_1);
        assertThatThrownBy(() -> PinotConfigShape.of("2.0.0")).isInstanceOf(PinotConfigException.class)
                .hasMessage("Pinot 2.0.0 is newer than the config shapes apply knows (0.11, 1.x); to try the 1.x"
                        + " shape, pass --pinot-version 1");
        assertThatThrownBy(() -> PinotConfigShape.of("latest")).isInstanceOf(PinotConfigException.class)
                .hasMessage("'latest' is not a Pinot version (e.g. 0.11 or 1.2)");
    }

    @Test
    void aStreamConfiguredTwiceBothComparisonKeysAndAnotherSchemaNameAreRefusedForPinot1() {
        ObjectNode twice = table("active_users_1m_v1").table().deepCopy();
        twice.putObject("ingestionConfig").putObject("streamIngestionConfig").putArray("streamConfigMaps");
        ObjectNode bothKeys = table("session_metrics_v3").table().deepCopy();
        ((ObjectNode) bothKeys.get("upsertConfig")).putArray("comparisonColumns").add("event_count");
        ObjectNode otherSchema = table("active_users_1m_v1").table().deepCopy();
        ((ObjectNode) otherSchema.get("segmentsConfig")).put("schemaName", "active_users");

        assertThatThrownBy(() -> PinotConfigShape.PINOT_1.table(twice)).hasMessage("active_users_1m_v1: the stream"
                + " is configured twice, in tableIndexConfig.streamConfigs and ingestionConfig.streamIngestionConfig;"
                + " keep the first");
        assertThatThrownBy(() -> PinotConfigShape.PINOT_1.table(bothKeys)).hasMessage("session_metrics_v3:"
                + " upsertConfig has both comparisonColumn and comparisonColumns; keep comparisonColumn (Pinot 0.11"
                + " knows no other)");
        assertThatThrownBy(() -> PinotConfigShape.PINOT_1.table(otherSchema)).hasMessage("active_users_1m_v1:"
                + " segmentsConfig.schemaName is \"active_users\", but Pinot 1.x finds a table's schema by the"
                + " table's name");
    }

    private static PinotTable table(String name) {
        return TABLES.stream().filter(table -> table.name().equals(name)).findFirst().orElseThrow();
    }
}
