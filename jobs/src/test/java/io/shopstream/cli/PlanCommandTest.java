package io.shopstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.testing.LauncherRun;
import io.shopstream.testing.RepositorySql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} on a copy of the repository's SQL and plans: the files it writes, the operator ids it keeps (a
 * savepoint's state is matched to operators by them), and what it refuses.
 */
class PlanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temporary;

    private Path sql;

    @BeforeEach
    void copyTheRepositorysSqlAndPlans() throws Exception {
        sql = RepositorySql.copyInto(temporary);
    }

    private LauncherRun plan(String... arguments) {
        String[] command = new String[arguments.length + 3];
        command[0] = "plan";
        command[1] = "--sql-dir";
        command[2] = sql.toString();
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        return LauncherRun.of(command);
    }

    /**
     * Flink numbers plan nodes with a counter of the JVM: after this, a pipeline compiled again gets other ids than
     * its committed plan has, whatever ran before in this JVM, so only {@code plan} itself can make them the same.
     */
    private void advanceFlinksNodeNumbering() {
        assertThat(LauncherRun.of("check", "--sql-dir", sql.toString(), "active_users_1m", "--profile", "local")
                .exitCode()).isZero();
    }

    @Test
    void compilesTheSameFilesByteForByteWhereverAndWhenever() throws Exception {
        deleteRecursively(sql.resolve("plans"));
        LauncherRun first = plan();
        assertThat(first.exitCode()).as(first.output()).isZero();
        TreeMap<String, String> fresh = files(sql.resolve("plans"));
        // The committed plans are not compared: a change that keeps state keeps their operator ids, which a plan
        // compiled from scratch numbers anew. That they are up to date is what `check` verifies (.ci/pr).
        advanceFlinksNodeNumbering();
        deleteRecursively(sql.resolve("plans"));

        LauncherRun written = plan();

        assertThat(written.exitCode()).as(written.output()).isZero();
        assertThat(written.stdout()).contains("new      " + sql + "/plans/{local,prod}/active_users_1m.v1.json\n",
                "new      " + sql + "/plans/{local,prod}/session_metrics.v3.json\n");
        assertThat(files(sql.resolve("plans"))).isEqualTo(fresh);

        LauncherRun again = plan();

        assertThat(again.stdout()).contains("same     " + sql + "/plans/{local,prod}/product_metrics_1m.v1.json\n");
        assertThat(files(sql.resolve("plans"))).isEqualTo(fresh);
    }

    @Test
    void aChangeThatKeepsStateKeepsEveryOperatorId() throws Exception {
        Path planFile = sql.resolve("plans/local/product_metrics_1m.v1.json");
        JsonNode before = JSON.readTree(planFile.toFile());
        RepositorySql.replaceOnce(sql.resolve("pipelines/product_metrics_1m.v1.sql"), "AND product_id IS NOT NULL",
                "AND product_id IS NOT NULL AND product_id <> 'p-0000'");
        advanceFlinksNodeNumbering();

        LauncherRun run = plan("product_metrics_1m", "--profile", "local");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("updated  " + planFile + ": keeps its state (operator ids kept); what"
                + " changed:\n    - the filter/projection (WHERE, SELECT expressions) feeding the 1-minute tumbling"
                + " window aggregate per product_id: condition (WHERE): ");
        JsonNode after = JSON.readTree(planFile.toFile());
        assertThat(idsByRole(after)).isEqualTo(idsByRole(before));
        assertThat(after.toString()).contains("p-0000");
        assertThat(LauncherRun.of("check", "--sql-dir", sql.toString(), "product_metrics_1m", "--profile", "local",
                "--strict").exitCode()).isZero();
    }

    @Test
    void aChangeThatBreaksStateIsRefusedUnlessAFreshStartIsMeant() throws Exception {
        Path planFile = sql.resolve("plans/local/product_metrics_1m.v1.json");
        String before = Files.readString(planFile);
        RepositorySql.replaceOnce(sql.resolve("pipelines/product_metrics_1m.v1.sql"),
                "GROUP BY window_start, window_end, product_id;",
                "GROUP BY window_start, window_end, product_id, product_category;");

        LauncherRun refused = plan("product_metrics_1m", "--profile", "local");

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.stderr()).contains("refused  " + planFile + ": this change cannot keep the running job's"
                        + " state:\n    - the 1-minute tumbling window aggregate per product_id: its key (GROUP BY)"
                        + " changed from [product_id] to [product_id, product_category]\n",
                "product_metrics_1m.v2.sql", "1 pipeline refused: the plans above were not written");
        assertThat(Files.readString(planFile)).isEqualTo(before);

        LauncherRun replaced = plan("product_metrics_1m", "--profile", "local", "--fresh-start");

        assertThat(replaced.exitCode()).as(replaced.output()).isZero();
        assertThat(replaced.stdout()).contains("replaced " + planFile + ": a fresh start, product_metrics_1m@v1 must"
                + " start without its savepoint (new operator ids); what changed:\n");
        int highestBefore = ids(JSON.readTree(before)).last();
        assertThat(ids(JSON.readTree(planFile.toFile())).first())
                .as("no operator takes over an id, and with it old state").isGreaterThan(highestBefore);
        assertThat(LauncherRun.of("check", "--sql-dir", sql.toString(), "product_metrics_1m", "--profile", "local",
                "--strict").exitCode()).isZero();
    }

    @Test
    void aFreshStartNamesThePipelinesItIsFor() {
        LauncherRun run = plan("--fresh-start");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("error: --fresh-start drops the state of running jobs: name the pipelines"
                + " it is meant for");
    }

    @Test
    void deletesPlansWhosePipelineIsGone() throws Exception {
        Files.delete(sql.resolve("pipelines/session_metrics.v3.sql"));

        LauncherRun run = plan("--profile", "local");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("deleted  " + sql + "/plans/local/session_metrics.v3.json: there is no "
                + sql + "/pipelines/session_metrics.v3.sql\n");
        assertThat(sql.resolve("plans/local/session_metrics.v3.json")).doesNotExist();
        assertThat(sql.resolve("plans/prod/session_metrics.v3.json")).as("another profile's, not asked for").exists();
    }

    /** Node ids by what the node is, counted here from the JSON: its type, and the table of a source or sink. */
    private static TreeMap<String, List<Integer>> idsByRole(JsonNode plan) {
        TreeMap<String, List<Integer>> ids = new TreeMap<>();
        for (JsonNode node : plan.path("nodes")) {
            String table = node.path("scanTableSource").path("table").path("identifier").asText(
                    node.path("dynamicTableSink").path("table").path("identifier").asText(""));
            ids.computeIfAbsent(node.path("type").asText() + " " + table, key -> new ArrayList<>())
                    .add(node.path("id").asInt());
        }
        return ids;
    }

    private static TreeSet<Integer> ids(JsonNode plan) {
        TreeSet<Integer> ids = new TreeSet<>();
        plan.path("nodes").forEach(node -> ids.add(node.path("id").asInt()));
        return ids;
    }

    private static TreeMap<String, String> files(Path directory) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(directory.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
