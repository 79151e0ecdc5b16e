package io.shopstream.pinot;

import static io.shopstream.testing.RepositorySql.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.bundle.SqlBundle;
import io.shopstream.localstack.WorkDirectory;
import io.shopstream.planning.SinkTable;
import io.shopstream.planning.Validator;
import io.shopstream.testing.RepositorySql;
import io.shopstream.variables.Variables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's Pinot configs agree with its pipelines' sinks, and each kind of disagreement is caught. */
class PinotContractTest {

    private static List<SinkTable> sinks;

    @TempDir
    Path directory;

    @BeforeAll
    static void planEveryPipeline() {
        SqlBundle bundle = SqlBundle.at(RepositorySql.DIRECTORY);
        Variables local = Variables.of(bundle.profile("local"), Map.of());
        Validator validator = new Validator(bundle);
        sinks = new ArrayList<>();
        bundle.pipelines().forEach(pipeline -> sinks.addAll(validator.sinks(pipeline, local)));
    }

    @Test
    void theRepositoryAgrees() {
        assertThat(sinks).extracting(SinkTable::name)
                .containsExactlyInAnyOrder("active_users_1m", "late_events", "dead_letters", "product_metrics_1m",
                        "late_events", "session_metrics", "late_events");
        assertThat(PinotContract.check(sinks, PinotTable.loadAll(RepositorySql.PINOT_SCHEMAS), "")).isEmpty();
    }

    @Test
    void theRepositoryInThePinot1ShapeAgreesToo() {
        List<PinotTable> pinot1 = PinotTable.loadAll(RepositorySql.PINOT_SCHEMAS).stream().map(table -> new PinotTable(
                table.folder(), PinotConfigShape.PINOT_1.schema(table.schema()),
                PinotConfigShape.PINOT_1.table(table.table()))).toList();

        assertThat(PinotContract.check(sinks, pinot1, "")).isEmpty();
    }

    @Test
    void aSinkTopicWithoutATableAndATableWithoutASinkAreBothNamed() throws IOException {
        Path copy = RepositorySql.copyPinotSchemasInto(directory);
        WorkDirectory.delete(copy.resolve("active_users_1m_v1"));
        replaceOnce(copy.resolve("product_metrics_1m_v1/table.json"), "}product_metrics_1m_v1\"",
                "}product_metrics_1m\"");

        assertThat(check(copy)).containsExactlyInAnyOrder(
                "pinot-schemas/product_metrics_1m_v1: ingests topic product_metrics_1m, which no pipeline writes"
                        + " (sink topics: active_users_1m_v1, product_metrics_1m_v1, session_metrics_v3)",
                "sink active_users_1m writes topic active_users_1m_v1, which no Pinot table ingests: add"
                        + " pinot-schemas/active_users_1m_v1/schema.json and table.json",
                "sink product_metrics_1m writes topic product_metrics_1m_v1, which no Pinot table ingests: add"
                        + " pinot-schemas/product_metrics_1m_v1/schema.json and table.json");
    }

    @Test
    void aMissingColumnAnotherTypeAndAnExtraColumnAreNamed() throws IOException {
        Path copy = RepositorySql.copyPinotSchemasInto(directory);
        Path schema = copy.resolve("product_metrics_1m_v1/schema.json");
        replaceOnce(schema, "\"name\": \"units_sold\"", "\"name\": \"units_shipped\"");
        replaceOnce(schema, "\"name\": \"views\",\n      \"dataType\": \"LONG\"",
                "\"name\": \"views\",\n      \"dataType\": \"STRING\"");

        assertThat(check(copy)).containsExactlyInAnyOrder(
                "pinot-schemas/product_metrics_1m_v1 (sink product_metrics_1m): column views is BIGINT in Flink but"
                        + " STRING in Pinot (expected one of LONG, TIMESTAMP)",
                "pinot-schemas/product_metrics_1m_v1 (sink product_metrics_1m): column units_sold (BIGINT) is missing"
                        + " from schema.json",
                "pinot-schemas/product_metrics_1m_v1 (sink product_metrics_1m): column units_shipped of schema.json is"
                        + " not written by the sink");
    }

    @Test
    void anUpsertSinkNeedsAnUpsertTableOnTheSameKeyReadingCommittedRows() throws IOException {
        Path copy = RepositorySql.copyPinotSchemasInto(directory);
        Path table = copy.resolve("session_metrics_v3/table.json");
        replaceOnce(table, "\"upsertConfig\"", "\"notUpsertConfig\"");
        replaceOnce(table, "read_committed", "read_uncommitted");

        assertThat(check(copy)).containsExactlyInAnyOrder(
                "pinot-schemas/session_metrics_v3 (sink session_metrics): stream.kafka.isolation.level must be"
                        + " read_committed, or Pinot shows rows of transactions Flink aborts",
                "pinot-schemas/session_metrics_v3 (sink session_metrics): the sink is an upsert sink keyed by"
                        + " [session_id] but the table has no upsertConfig: every revision of a row would count");
    }

    @Test
    void aDifferentKeyAnUnknownComparisonColumnAndOtherRoutingAreNamed() throws IOException {
        Path copy = RepositorySql.copyPinotSchemasInto(directory);
        replaceOnce(copy.resolve("session_metrics_v3/schema.json"), "\"primaryKeyColumns\": [\n    \"session_id\"",
                "\"primaryKeyColumns\": [\n    \"user_id\"");
        Path table = copy.resolve("session_metrics_v3/table.json");
        replaceOnce(table, "\"comparisonColumn\": \"event_count\"", "\"comparisonColumn\": \"updated_at\"");
        replaceOnce(table, "strictReplicaGroup", "balanced");

        assertThat(check(copy)).containsExactlyInAnyOrder(
                "pinot-schemas/session_metrics_v3 (sink session_metrics): primary key [user_id] in schema.json,"
                        + " [session_id] in the sink: they must be the same",
                "pinot-schemas/session_metrics_v3 (sink session_metrics): upsertConfig.comparisonColumn must name a"
                        + " column that only grows, not 'updated_at'",
                "pinot-schemas/session_metrics_v3 (sink session_metrics): routing.instanceSelectorType must be"
                        + " strictReplicaGroup for an upsert table");
    }

    @Test
    void anAppendSinkMustNotLandInAnUpsertTable() throws IOException {
        Path copy = RepositorySql.copyPinotSchemasInto(directory);
        Path table = copy.resolve("active_users_1m_v1/table.json");
        replaceOnce(table, "\"metadata\": {}", "\"metadata\": {},\n  \"upsertConfig\": {\"mode\": \"FULL\"}");

        assertThat(check(copy)).containsExactly("pinot-schemas/active_users_1m_v1 (sink active_users_1m): the table"
                + " is an upsert table but the sink appends rows (connector kafka)");
    }

    private List<String> check(Path configs) {
        return PinotContract.check(sinks, PinotTable.loadAll(configs), "");
    }
}
