package io.shopstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.testing.LauncherRun;
import io.shopstream.testing.RepositorySql;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on real edits of a copy of the repository's SQL and committed plans: each test makes the edit an
 * analyst would, recompiles with Flink and compares with the committed plans, as CI does on a pull request. Most
 * edits are checked against the local profile only, which sees the same SQL (the profiles' plans differ in watermark
 * delay and idle timeout), to keep the suite quick.
 */
class CheckCommandTest {

    @TempDir
    Path temporary;

    private Path sql;

    @BeforeEach
    void copyTheRepositorysSqlAndPlans() throws Exception {
        sql = RepositorySql.copyInto(temporary);
        assertThat(sql.resolve("plans/local/session_metrics.v3.json")).as("plans are committed").exists();
    }

    private LauncherRun check(String... arguments) {
        String[] command = new String[arguments.length + 3];
        command[0] = "check";
        command[1] = "--sql-dir";
        command[2] = sql.toString();
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        return LauncherRun.of(command);
    }

    private Path pipeline(String name) {
        return sql.resolve("pipelines").resolve(name + ".sql");
    }

    @Test
    void theRepositoryAsCommittedPasses() {
        LauncherRun run = check();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains(
                "ok:    active_users_1m.v1 (local, prod): the committed plan is up to date\n",
                "ok:    dead_letters.v1 (local, prod): the committed plan is up to date\n",
                "ok:    product_metrics_1m.v1 (local, prod): the committed plan is up to date\n",
                "ok:    session_metrics.v3 (local, prod): the committed plan is up to date\n",
                "OK: 8 plans checked: 8 up to date (");
        assertThat(run.stderr()).startsWith("Checking 4 pipelines of " + sql + " against the committed plans of"
                + " profiles local, prod...\n").doesNotContain("error");
    }

    @Test
    void whitespaceAndCommentsLeaveThePlanAsItIs() throws Exception {
        RepositorySql.replaceOnce(pipeline("active_users_1m.v1"), "  COUNT(DISTINCT user_id)    AS active_users\n",
                "  /* every shopper once, whatever they did */\n\tCOUNT( DISTINCT user_id )\n      AS active_users"
                        + "  -- a comment at the end of a line\n\n");
        RepositorySql.replaceOnce(pipeline("active_users_1m.v1"), "GROUP BY window_start, window_end;",
                "GROUP  BY\n  window_start,\n  window_end ;");

        LauncherRun run = check("active_users_1m", "--profile", "local");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("ok:    active_users_1m.v1 (local): the committed plan is up to date\n",
                "OK: 1 plan checked: 1 up to date (");
    }

    @Test
    void aChangedFilterKeepsStateAndSaysWhatChanged() throws Exception {
        RepositorySql.replaceOnce(pipeline("product_metrics_1m.v1"), "AND product_id IS NOT NULL",
                "AND product_id IS NOT NULL AND product_id <> 'p-0000'");

        LauncherRun run = check("product_metrics_1m", "--profile", "local");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("ok:    product_metrics_1m.v1 (local): keeps its state; what changed:\n"
                + "    - the filter/projection (WHERE, SELECT expressions) feeding the 1-minute tumbling window"
                + " aggregate per product_id: condition (WHERE): ...cart', 'product_view', 'purchase']) AND"
                + " product_id IS NOT NULL) -> ...cart', 'product_view', 'purchase']) AND (product_id <> 'p-0000'))\n"
                + "    The committed plan is out of date: run `java -jar jobs/target/shopstream.jar plan"
                + " product_metrics_1m.v1` and commit it",
                "OK: 1 plan checked: 1 keep state (out of date) (");

        LauncherRun strict = check("product_metrics_1m", "--profile", "local", "--strict");

        assertThat(strict.exitCode()).as(strict.output()).isEqualTo(1);
        assertThat(strict.stderr()).contains("error: product_metrics_1m.v1 (local): keeps its state; what changed:",
                "(product_id <> 'p-0000')", "FAILED: 1 plan checked: 1 keep state (out of date) (");
    }

    @Test
    void aChangedAggregateFilterKeepsState() throws Exception {
        RepositorySql.replaceOnce(pipeline("session_metrics.v3"), "COUNT(*) FILTER (WHERE event_type = 'page_view')",
                "COUNT(*) FILTER (WHERE event_type = 'page_view' AND device_type <> 'bot')");

        LauncherRun run = check("session_metrics", "--profile", "local");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("ok:    session_metrics.v3 (local): keeps its state; what changed:\n"
                + "    - the filter/projection (WHERE, SELECT expressions) feeding the 1-minute tumbling window"
                + " aggregate per session_id: columns: added ((event_type = 'page_view') AND (device_type <> 'bot'))"
                + " IS TRUE AS $f4; removed (event_type = 'page_view') IS TRUE AS $f4");
    }

    @Test
    void aRenamedOutputColumnKeepsState() throws Exception {
        RepositorySql.replaceOnce(pipeline("product_metrics_1m.v1"), "  add_to_carts     BIGINT,",
                "  carts            BIGINT,");
        RepositorySql.replaceOnce(pipeline("product_metrics_1m.v1"), "AS add_to_carts,", "AS carts,");

        LauncherRun run = check("product_metrics_1m", "--profile", "local");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("ok:    product_metrics_1m.v1 (local): keeps its state; what changed:\n",
                "    - the sink product_metrics_1m: columns: added carts; removed add_to_carts\n");
    }

    @Test
    void aProfilesWatermarkDelayKeepsStateInThatProfile() throws Exception {
        RepositorySql.replaceOnce(sql.resolve("profiles/prod.properties"), "WATERMARK_DELAY=10",
                "WATERMARK_DELAY=15");

        LauncherRun run = check("active_users_1m");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("ok:    active_users_1m.v1 (local): the committed plan is up to date\n",
                "ok:    active_users_1m.v1 (prod): keeps its state; what changed:\n"
                        + "    - the source events: watermark: -(event_time, 10000:INTERVAL SECOND) ->"
                        + " -(event_time, 15000:INTERVAL SECOND)\n");
    }

    @Test
    void anotherAggregateFunctionFails() throws Exception {
        RepositorySql.replaceOnce(pipeline("session_metrics.v3"), "CAST(COALESCE(SUM(total_amount)",
                "CAST(COALESCE(MAX(total_amount)");

        LauncherRun run = check("session_metrics", "--profile", "local");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stderr()).contains("error: session_metrics.v3 (local): this change cannot keep the running"
                + " job's state:\n    - the 1-minute tumbling window aggregate per session_id: its aggregates changed:"
                + " added MAX(total_amount) FILTER (WHERE ...); removed SUM(total_amount) FILTER (WHERE ...)");
    }

    @Test
    void anAddedAggregateColumnFailsNamingThePipelineAndTheOperator() throws Exception {
        RepositorySql.replaceOnce(pipeline("session_metrics.v3"), "  converted                BOOLEAN,\n",
                "  converted                BOOLEAN,\n  last_user_id             STRING,\n");
        RepositorySql.replaceOnce(pipeline("session_metrics.v3"), "AS converted\n",
                "AS converted,\n  MIN(user_id) AS last_user_id\n");

        LauncherRun run = check("session_metrics");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stderr()).contains("error: session_metrics.v3 (local, prod): this change cannot keep the"
                        + " running job's state:\n"
                        + "    - the aggregate per session_id: its aggregates changed: added MIN(user_id) AS"
                        + " last_user_id (each aggregate's running value is a column of its state)\n",
                "    Also changed, without touching state:\n",
                "      - the sink session_metrics: columns: added last_user_id\n",
                "    A running session_metrics@v3 cannot carry its state over to this SQL safely. Either:\n"
                        + "      - leave " + sql + "/pipelines/session_metrics.v3.sql as it was and make the change"
                        + " in a new version: copy it to " + sql + "/pipelines/session_metrics.v4.sql, edit that,"
                        + " and run `java -jar jobs/target/shopstream.jar plan session_metrics.v4`.",
                "      - or start session_metrics@v3 afresh on purpose, dropping its state: `java -jar"
                        + " jobs/target/shopstream.jar plan session_metrics.v3 --fresh-start`",
                "FAILED: 2 plans checked: 2 break state (");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aChangedWindowSizeFails() throws Exception {
        RepositorySql.replaceOnce(pipeline("active_users_1m.v1"), "INTERVAL '1' MINUTE", "INTERVAL '5' MINUTE");

        LauncherRun run = check("active_users_1m", "--profile", "local");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stderr()).contains("error: active_users_1m.v1 (local): this change cannot keep the running"
                + " job's state:\n"
                + "    - the 1-minute tumbling window aggregate: its window changed from 1-minute tumbling to 5-minute"
                + " tumbling\n", "active_users_1m.v2.sql");
    }

    @Test
    void aChangedGroupByKeyFails() throws Exception {
        RepositorySql.replaceOnce(pipeline("product_metrics_1m.v1"), "GROUP BY window_start, window_end, product_id;",
                "GROUP BY window_start, window_end, product_id, product_category;");

        LauncherRun run = check("product_metrics_1m", "--profile", "local");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stderr()).contains("error: product_metrics_1m.v1 (local): this change cannot keep the running"
                + " job's state:\n"
                + "    - the 1-minute tumbling window aggregate per product_id: its key (GROUP BY) changed from"
                + " [product_id] to [product_id, product_category]\n");
    }

    @Test
    void aChangedStateTtlFailsInTheProfileThatChangedIt() throws Exception {
        RepositorySql.replaceOnce(sql.resolve("profiles/prod.properties"), "SESSION_STATE_TTL=2 h",
                "SESSION_STATE_TTL=3 h");

        LauncherRun run = check("session_metrics");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stdout()).contains("ok:    session_metrics.v3 (local): the committed plan is up to date\n");
        assertThat(run.stderr()).contains("error: session_metrics.v3 (prod): this change cannot keep the running"
                + " job's state:\n"
                + "    - the aggregate per session_id: its state TTL changed from 2 h to 3 h (table.exec.state.ttl)",
                "FAILED: 2 plans checked: 1 up to date, 1 break state (");
    }

    @Test
    void aPipelineWithoutAPlanIsAnError() throws Exception {
        Files.copy(pipeline("session_metrics.v3"), pipeline("session_metrics.v4"));

        LauncherRun run = check("session_metrics", "--profile", "local");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stdout()).contains("ok:    session_metrics.v3 (local): the committed plan is up to date\n");
        assertThat(run.stderr()).contains("error: session_metrics.v4 (local): the pipeline has no committed plan ("
                + sql + "/plans/local/session_metrics.v4.json): run `java -jar jobs/target/shopstream.jar plan"
                + " session_metrics.v4` and commit the plan with the pipeline.\n",
                "FAILED: 2 plans checked: 1 up to date, 1 missing (");
    }

    @Test
    void aPlanWithoutAPipelineIsAnError() throws Exception {
        Files.copy(sql.resolve("plans/local/session_metrics.v3.json"), sql.resolve("plans/local/sessions.v1.json"));
        Files.createDirectories(sql.resolve("plans/staging"));
        Files.copy(sql.resolve("plans/prod/session_metrics.v3.json"),
                sql.resolve("plans/staging/session_metrics.v3.json"));

        LauncherRun run = check();

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stderr()).contains("error: " + sql + "/plans/local/sessions.v1.json: a plan without a"
                        + " pipeline: there is no " + sql + "/pipelines/sessions.v1.sql. If the pipeline was removed"
                        + " on purpose, delete the plan (`java -jar jobs/target/shopstream.jar plan` does);"
                        + " otherwise restore the pipeline.\n",
                "error: " + sql + "/plans/staging/session_metrics.v3.json: a plan without a pipeline: there is no"
                        + " profile staging (" + sql + "/profiles/staging.properties).",
                "FAILED: 10 plans checked: 8 up to date, 2 without a pipeline (");
    }
}
