package io.shopstream.submitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopstream.bundle.SqlBundle;
import io.shopstream.planning.PlannedPipeline;
import io.shopstream.plans.PlanMismatchException;
import io.shopstream.testing.RepositorySql;
import io.shopstream.variables.Variables;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code run} and {@code local} submit: the committed plan, and only when it is what the SQL compiles to with
 * the run's variables. Preparing connects to nothing, so no cluster is needed to see a plan accepted or refused.
 */
class PipelineSubmitterTest {

    /** Nothing listens there; preparing a pipeline never connects. */
    private static final FlinkTarget NO_CLUSTER = FlinkTarget.rest(URI.create("http://localhost:9"));

    @TempDir
    Path temporary;

    private Path sql;

    @BeforeEach
    void copyTheRepositorysSqlAndPlans() throws Exception {
        sql = RepositorySql.copyInto(temporary);
    }

    private PlannedPipeline prepare(String pipeline, Map<String, String> environment) {
        SqlBundle bundle = SqlBundle.at(sql);
        Variables variables = Variables.of(bundle.profile("local"), environment);
        return PipelineSubmitter.fromCommittedPlans(bundle, variables, NO_CLUSTER).prepare(bundle.latest(pipeline));
    }

    @Test
    void runsTheCommittedPlanWhatEverTheConnectionsAre() {
        PlannedPipeline planned = prepare("session_metrics", Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:19092",
                "TOPIC_PREFIX", "it-", "SCAN_STARTUP_MODE", "latest-offset", "CHECKPOINT_INTERVAL", "1 s"));

        assertThat(planned.runsCommittedPlan()).isTrue();
        assertThat(planned.sinks()).map(sink -> sink.topic().orElseThrow())
                .containsExactly("it-session_metrics_v3", "it-late_events");
    }

    @Test
    void refusesAPlanThatIsOutOfDate() throws Exception {
        RepositorySql.replaceOnce(sql.resolve("pipelines/product_metrics_1m.v1.sql"), "AND product_id IS NOT NULL",
                "AND product_id IS NOT NULL AND product_id <> 'p-0000'");

        assertThatThrownBy(() -> prepare("product_metrics_1m", Map.of()))
                .isInstanceOf(PlanMismatchException.class)
                .hasMessageStartingWith("the committed plan " + sql + "/plans/local/product_metrics_1m.v1.json is out"
                        + " of date; the SQL of product_metrics_1m.v1 now differs from it in ways that keep state:\n"
                        + "  - the filter/projection (WHERE, SELECT expressions) feeding the 1-minute tumbling window"
                        + " aggregate per product_id: condition (WHERE): ")
                .hasMessageContaining("run `java -jar jobs/target/shopstream.jar plan product_metrics_1m.v1` and"
                        + " commit it");
    }

    @Test
    void refusesAChangeThatBreaksState() throws Exception {
        RepositorySql.replaceOnce(sql.resolve("pipelines/active_users_1m.v1.sql"), "INTERVAL '1' MINUTE",
                "INTERVAL '5' MINUTE");

        assertThatThrownBy(() -> prepare("active_users_1m", Map.of()))
                .isInstanceOf(PlanMismatchException.class)
                .hasMessageContaining("the SQL of active_users_1m.v1 does not match its committed plan " + sql
                        + "/plans/local/active_users_1m.v1.json, and the difference cannot keep the running job's"
                        + " state:\n  - the 1-minute tumbling window aggregate: its window changed from 1-minute"
                        + " tumbling to 5-minute tumbling\n");
    }

    @Test
    void refusesAnEnvironmentVariableThatWouldChangeThePlan() {
        assertThatThrownBy(() -> prepare("active_users_1m", Map.of("WATERMARK_DELAY", "7")))
                .isInstanceOf(PlanMismatchException.class)
                .hasMessageContaining("- the source events: watermark: -(event_time, 5000:INTERVAL SECOND) ->"
                        + " -(event_time, 7000:INTERVAL SECOND)")
                .hasMessageContaining("an environment variable overrides a value of profile local that is compiled"
                        + " into the plan (WATERMARK_DELAY, SOURCE_IDLE_TIMEOUT, SESSION_STATE_TTL...)");
    }

    @Test
    void refusesAPipelineWithoutAPlan() throws Exception {
        Files.copy(sql.resolve("pipelines/active_users_1m.v1.sql"), sql.resolve("pipelines/active_users_1m.v2.sql"));

        assertThatThrownBy(() -> prepare("active_users_1m.v2", Map.of()))
                .isInstanceOf(PlanMismatchException.class)
                .hasMessage("active_users_1m.v2 has no committed plan for profile local (" + sql
                        + "/plans/local/active_users_1m.v2.json): run `java -jar jobs/target/shopstream.jar plan"
                        + " active_users_1m.v2` and commit the plan with the pipeline. (--from-sql runs the SQL"
                        + " compiled now instead, for development: its operator ids are not the committed ones)");
    }

    @Test
    void compilesTheSqlWhenAskedTo() throws Exception {
        RepositorySql.replaceOnce(sql.resolve("pipelines/active_users_1m.v1.sql"), "INTERVAL '1' MINUTE",
                "INTERVAL '5' MINUTE");
        SqlBundle bundle = SqlBundle.at(sql);

        PlannedPipeline planned = new PipelineSubmitter(bundle, Variables.of(bundle.profile("local"), Map.of()),
                NO_CLUSTER).prepare(bundle.latest("active_users_1m"));

        assertThat(planned.runsCommittedPlan()).isFalse();
    }
}
