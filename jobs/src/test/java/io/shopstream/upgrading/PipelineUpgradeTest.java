package io.shopstream.upgrading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.bundle.PipelineId;
import io.shopstream.localstack.LocalPorts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade against a scripted JobManager ({@link FakeJobManager}): the requests it makes in order, the report on
 * success, and for each failure what it says about the state things are in and how to roll back.
 */
class PipelineUpgradeTest {

    private static final String OLD = "a".repeat(32);
    private static final String NEW = "b".repeat(32);
    private static final String SAVEPOINT = "file:/savepoints/savepoint-aaaaaa-0123456789ab";
    private static final String JAR_ID = "0f1e2d3c_shopstream.jar";
    private static final PipelineId PIPELINE = new PipelineId("session_metrics", 1);

    private final AtomicReference<String> oldState = new AtomicReference<>("RUNNING");
    private final AtomicReference<String> newState = new AtomicReference<>("RUNNING");
    private final List<String> progress = new ArrayList<>();
    private FakeJobManager jobManager;
    private Path jar;

    @BeforeEach
    void healthyCluster(@TempDir Path directory) throws Exception {
        jar = Files.write(directory.resolve("shopstream.jar"), new byte[2_000_000]);
        jobManager = new FakeJobManager();
        jobManager.answer("GET /jobs/overview", () -> FakeJobManager.Answer.ok(jobs(
                job(OLD, "session_metrics@v1", oldState.get()), job("c".repeat(32), "active_users_1m@v1", "RUNNING"))));
        jobManager.answer("GET /jobs/" + OLD, () -> FakeJobManager.Answer.ok(job(OLD, "session_metrics@v1",
                oldState.get())));
        jobManager.answer("GET /jobmanager/config",
                "[{\"key\":\"execution.checkpointing.savepoint-dir\",\"value\":\"file:/savepoints\"}]");
        jobManager.answer("POST /jobs/" + OLD + "/stop", () -> {
            oldState.set("FINISHED");
            return FakeJobManager.Answer.ok("{\"request-id\":\"trigger-1\"}");
        });
        jobManager.answer("GET /jobs/" + OLD + "/savepoints/trigger-1",
                "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"location\":\"" + SAVEPOINT + "\"}}");
        jobManager.answer("POST /jars/upload",
                "{\"filename\":\"/tmp/flink-web-1/flink-web-upload/" + JAR_ID + "\",\"status\":\"success\"}");
        jobManager.answer("DELETE /jars/" + JAR_ID, "{}");
        jobManager.answer("POST /jars/" + JAR_ID + "/run", "{\"jobid\":\"" + NEW + "\"}");
        jobManager.answer("GET /jobs/" + NEW, () -> FakeJobManager.Answer.ok(job(NEW, "session_metrics@v1",
                newState.get())));
        jobManager.answer("GET /jobs/" + NEW + "/checkpoints",
                "{\"counts\":{\"completed\":1,\"failed\":0},\"latest\":{\"failed\":null}}");
    }

    @AfterEach
    void stop() {
        jobManager.close();
    }

    @Test
    void stopsWithASavepointRunsTheNewJarFromItAndReports() throws Exception {
        UpgradeReport report = upgrade(Optional.empty());

        assertThat(jobManager.requests()).containsSubsequence("GET /overview", "GET /jobs/overview",
                "POST /jobs/" + OLD + "/stop", "GET /jobs/" + OLD + "/savepoints/trigger-1", "POST /jars/upload",
                "POST /jars/" + JAR_ID + "/run", "DELETE /jars/" + JAR_ID, "GET /jobs/" + NEW,
                "GET /jobs/" + NEW + "/checkpoints");
        JsonNode stop = new ObjectMapper().readTree(jobManager.body("POST /jobs/" + OLD + "/stop"));
        assertThat(stop.path("drain").asBoolean(true)).as("a stop that keeps windows open").isFalse();
        JsonNode run = new ObjectMapper().readTree(jobManager.body("POST /jars/" + JAR_ID + "/run"));
        assertThat(run.path("programArgsList").toString())
                .isEqualTo("[\"run\",\"session_metrics.v1\",\"--profile\",\"prod\"]");
        assertThat(run.path("savepointPath").asText()).isEqualTo(SAVEPOINT);
        assertThat(run.path("allowNonRestoredState").asBoolean(true)).isFalse();
        assertThat(jobManager.body("POST /jars/upload")).contains("name=\"jarfile\"; filename=\"shopstream.jar\"");

        assertThat(report.lines().get(0)).isEqualTo("Upgraded session_metrics@v1 on " + jobManager.address()
                + " (Flink 1.20.3):");
        assertThat(String.join("\n", report.lines())).contains("old job    " + OLD + ", stopped with a savepoint in ",
                "savepoint  " + SAVEPOINT, "jar        uploaded in ", "(2 MB)", "new job    " + NEW + ": submitted in ",
                "first checkpoint", "downtime   ");
        assertThat(progress).anyMatch(line -> line.startsWith("Found session_metrics@v1 running as job " + OLD));
    }

    @Test
    void anAddressWithNoJobManagerChangesNothing() {
        JobManagerClient nowhere = new JobManagerClient(URI.create("http://127.0.0.1:" + LocalPorts.free()));

        assertThatThrownBy(() -> new PipelineUpgrade(nowhere, progress::add).run(request(Optional.empty())))
                .isInstanceOf(UpgradeFailedException.class)
                .hasMessageStartingWith("upgrade of session_metrics@v1 on " + nowhere.address()
                        + " failed while reaching the JobManager: no Flink JobManager answers at " + nowhere.address()
                        + " (GET /overview: ConnectException")
                .hasMessageContaining("is the cluster up, and is this its REST address")
                .hasMessageEndingWith("\nNothing was changed.");
    }

    @Test
    void noRunningJobOfThePipelineChangesNothing() {
        oldState.set("FINISHED");

        assertThatThrownBy(() -> upgrade(Optional.empty()))
                .hasMessage("upgrade of session_metrics@v1 on " + jobManager.address() + " failed while looking for"
                        + " the running job session_metrics@v1: no job named session_metrics@v1 runs there (running:"
                        + " [active_users_1m@v1])\nNothing was changed.");
        assertThat(jobManager.requests()).noneMatch(request -> request.startsWith("POST"));
    }

    @Test
    void anotherVersionRunningIsNamed() {
        jobManager.answer("GET /jobs/overview", jobs(job(OLD, "session_metrics@v3", "RUNNING")));

        assertThatThrownBy(() -> upgrade(Optional.empty()))
                .hasMessageContaining("no job named session_metrics@v1 runs there (running: [session_metrics@v3]);"
                        + " session_metrics@v3 is live: an upgrade keeps a version's state, a new version runs beside"
                        + " the old one (start it with `run`), or name the version: upgrade session_metrics.v3");
    }

    @Test
    void twoJobsOfThePipelineChangeNothing() {
        jobManager.answer("GET /jobs/overview", jobs(job(OLD, "session_metrics@v1", "RUNNING"),
                job(NEW, "session_metrics@v1", "RESTARTING")));

        assertThatThrownBy(() -> upgrade(Optional.empty()))
                .hasMessageContaining("2 jobs named session_metrics@v1 are live (" + OLD + " RUNNING, " + NEW
                        + " RESTARTING): cancel the extra ones first")
                .hasMessageEndingWith("Nothing was changed.");
    }

    @Test
    void aClusterWithoutSavepointDirectoryIsRefusedBeforeTheJobStops() {
        jobManager.answer("GET /jobmanager/config", "[]");

        assertThatThrownBy(() -> upgrade(Optional.empty()))
                .hasMessageContaining("failed while checking the cluster's savepoint directory: the cluster has no"
                        + " default savepoint directory (execution.checkpointing.savepoint-dir): pass --savepoint-dir")
                .hasMessageEndingWith("Nothing was changed: job " + OLD + " is RUNNING.");
        assertThat(jobManager.requests()).doesNotContain("POST /jobs/" + OLD + "/stop");
    }

    @Test
    void aFailedSavepointLeavesTheJobRunning() {
        jobManager.answer("POST /jobs/" + OLD + "/stop", "{\"request-id\":\"trigger-1\"}");
        jobManager.answer("GET /jobs/" + OLD + "/savepoints/trigger-1", "{\"status\":{\"id\":\"COMPLETED\"},"
                + "\"operation\":{\"failure-cause\":{\"class\":\"java.util.concurrent.CompletionException\","
                + "\"stack-trace\":\"java.util.concurrent.CompletionException: x\\n\\tat a.b(C.java:1)\\nCaused by:"
                + " org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint expired before completing."
                + "\\n\\tat d.e(F.java:2)\\n\"}}}");

        assertThatThrownBy(() -> upgrade(Optional.empty()))
                .hasMessageContaining("failed while stopping job " + OLD + " with a savepoint: Flink could not take"
                        + " the savepoint: CheckpointException: Checkpoint expired before completing.")
                .hasMessageEndingWith("No savepoint was taken: job " + OLD + " is RUNNING.");
    }

    @Test
    void aRefusedRunAfterTheSavepointSaysHowToRollBack() {
        jobManager.answer("POST /jars/" + JAR_ID + "/run", () -> new FakeJobManager.Answer(500, "{\"errors\":["
                + "\"org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute application.\\n"
                + "\\tat x.y(Z.java:1)\\nCaused by: org.apache.flink.client.program.ProgramInvocationException: The"
                + " main method caused an error: failed\\n\\tat x.y(Z.java:2)\\nCaused by:"
                + " io.shopstream.cli.CommandFailedException: shopstream run session_metrics.v1 --profile prod failed"
                + " (exit code 1): variable KAFKA_BOOTSTRAP_SERVERS is not set\\n\\tat x.y(Z.java:3)\\n\"]}"));

        assertThatThrownBy(() -> upgrade(Optional.empty())).hasMessage(String.join("\n",
                "upgrade of session_metrics@v1 on " + jobManager.address() + " failed while running run"
                        + " session_metrics.v1 --profile prod from the savepoint: the JobManager at "
                        + jobManager.address() + " refused POST /jars/" + JAR_ID + "/run (HTTP 500): shopstream run"
                        + " session_metrics.v1 --profile prod failed (exit code 1): variable KAFKA_BOOTSTRAP_SERVERS"
                        + " is not set",
                "State now:",
                "  old job    " + OLD + ": FINISHED, stopped with the savepoint below",
                "  savepoint  " + SAVEPOINT,
                "  new job    none",
                "The pipeline is not running; its input waits in Kafka, nothing is lost.",
                "To roll back, start the previous build from the savepoint:",
                "  java -jar PREVIOUS.jar upgrade session_metrics.v1 --profile prod --jobmanager "
                        + jobManager.address() + " --savepoint " + SAVEPOINT,
                "or with Flink's client:",
                "  flink run -d -s " + SAVEPOINT + " PREVIOUS.jar run session_metrics.v1 --profile prod",
                "where PREVIOUS.jar is the build the old job ran (Flink does not keep it: keep your releases).",
                "To retry with a fixed build instead: the same `upgrade` command with that build's jar and --savepoint "
                        + SAVEPOINT + "."));
        assertThat(jobManager.requests()).as("the upload is removed").contains("DELETE /jars/" + JAR_ID);
    }

    @Test
    void aNamedSqlDirectoryIsWhatTheNewJobAndTheRollbackRun() throws Exception {
        jobManager.answer("POST /jars/" + JAR_ID + "/run", () -> new FakeJobManager.Answer(500,
                "{\"errors\":[\"no plan\"]}"));
        UpgradeRequest request = new UpgradeRequest(PIPELINE, "prod", Optional.of(Path.of("/srv/sql")), jar,
                Optional.empty(), Optional.empty(), Duration.ofSeconds(1));

        assertThatThrownBy(() -> new PipelineUpgrade(new JobManagerClient(jobManager.address()), progress::add)
                .run(request)).hasMessageContaining("upgrade session_metrics.v1 --profile prod --sql-dir /srv/sql"
                        + " --jobmanager ")
                .hasMessageContaining("PREVIOUS.jar run session_metrics.v1 --profile prod --sql-dir /srv/sql\n");
        JsonNode run = new ObjectMapper().readTree(jobManager.body("POST /jars/" + JAR_ID + "/run"));
        assertThat(run.path("programArgsList").toString())
                .isEqualTo("[\"run\",\"session_metrics.v1\",\"--profile\",\"prod\",\"--sql-dir\",\"/srv/sql\"]");
    }

    @Test
    void aNewJobThatFailsToRestoreIsReportedWithFlinksReason() {
        newState.set("FAILED");
        jobManager.answer("GET /jobs/" + NEW + "/exceptions", "{\"exceptionHistory\":{\"entries\":[{\"stacktrace\":"
                + "\"org.apache.flink.runtime.client.JobInitializationException: Could not start the JobMaster.\\n"
                + "\\tat a.b(C.java:1)\\nCaused by: java.lang.IllegalStateException: Failed to rollback to"
                + " checkpoint/savepoint " + SAVEPOINT + ". Cannot map checkpoint/savepoint state for operator"
                + " 0a448493b4782967b150582570326227 to the new program, because the operator is not available in the"
                + " new program.\\n\\tat d.e(F.java:2)\\n\"}]}}");

        assertThatThrownBy(() -> upgrade(Optional.empty()))
                .hasMessageContaining("failed while waiting for job " + NEW + " to run: the new job is FAILED:"
                        + " IllegalStateException: Failed to rollback to checkpoint/savepoint " + SAVEPOINT + ". Cannot map checkpoint/savepoint"
                        + " state for operator 0a448493b4782967b150582570326227 to the new program")
                .hasMessageContaining("  new job    " + NEW + ": FAILED (IllegalStateException: Failed to rollback")
                .hasMessageContaining("The new job completed no checkpoint, so it committed no output: restoring the"
                        + " savepoint loses nothing and duplicates nothing.")
                .hasMessageContaining("To roll back, cancel the new job (curl -X PATCH '" + jobManager.address()
                        + "/jobs/" + NEW + "?mode=cancel') and start the previous build from the savepoint:");
    }

    @Test
    void aNewJobWithoutCheckpointInTimeIsReported() {
        jobManager.answer("GET /jobs/" + NEW + "/checkpoints", "{\"counts\":{\"completed\":0,\"failed\":3},"
                + "\"latest\":{\"failed\":{\"failure_message\":\"Checkpoint was declined (tasks not ready)\"}}}");

        assertThatThrownBy(() -> upgrade(Optional.empty()))
                .hasMessageContaining("failed while waiting for the first checkpoint of job " + NEW + ": the new job"
                        + " completed no checkpoint within 1 s; the latest of 3 failed ones: Checkpoint was declined"
                        + " (tasks not ready)")
                .hasMessageContaining("  new job    " + NEW + ": RUNNING");
    }

    @Test
    void aGivenSavepointStartsThePipelineWithoutStoppingAnything() {
        oldState.set("FINISHED");

        UpgradeReport report = upgrade(Optional.of(SAVEPOINT));

        assertThat(jobManager.requests()).noneMatch(request -> request.endsWith("/stop"));
        assertThat(report.oldJobId()).isEmpty();
        assertThat(report.lines()).contains("  savepoint  " + SAVEPOINT + " (given)");
    }

    @Test
    void aGivenSavepointIsRefusedWhileThePipelineRuns() {
        assertThatThrownBy(() -> upgrade(Optional.of(SAVEPOINT)))
                .hasMessageContaining("failed while checking that session_metrics@v1 is not running:"
                        + " session_metrics@v1 is running as job " + OLD + ": --savepoint starts a stopped pipeline")
                .hasMessageNotContaining("To roll back");
        assertThat(jobManager.requests()).noneMatch(request -> request.startsWith("POST"));
    }

    private UpgradeReport upgrade(Optional<String> fromSavepoint) {
        return new PipelineUpgrade(new JobManagerClient(jobManager.address()), progress::add)
                .run(request(fromSavepoint));
    }

    private UpgradeRequest request(Optional<String> fromSavepoint) {
        return new UpgradeRequest(PIPELINE, "prod", Optional.empty(), jar, Optional.empty(), fromSavepoint,
                Duration.ofSeconds(1));
    }

    private static String jobs(String... jobs) {
        return "{\"jobs\":[" + String.join(",", jobs) + "]}";
    }

    private static String job(String id, String name, String state) {
        return "{\"jid\":\"" + id + "\",\"name\":\"" + name + "\",\"state\":\"" + state + "\"}";
    }
}
