package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.bundle.AccountingTopics;
import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.EventType;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.generator.EventGenerator;
import io.shopstream.generator.GeneratorSettings;
import io.shopstream.localstack.Deadline;
import io.shopstream.localstack.StandaloneFlinkCluster;
import io.shopstream.output.OutputRecord;
import io.shopstream.output.OutputTopicReader;
import io.shopstream.reference.ReferenceMetrics;
import io.shopstream.testing.LauncherRun;
import io.shopstream.testing.RepositorySql;
import io.shopstream.upgrading.FlinkJob;
import io.shopstream.upgrading.JobManagerClient;
import io.shopstream.upgrading.JobManagerRequestException;
import io.shopstream.upgrading.SavepointStatus;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.Variables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle jar on a real standalone Flink 1.20 session cluster (a JobManager JVM and a TaskManager JVM, started as
 * {@code start-cluster.sh} would), submitted through Flink's own command-line client ({@code flink run -d}), then
 * upgraded in place through savepoints: one pipeline with the launcher's {@code upgrade} verb (REST only), one by an
 * upgrade to a broken build that fails after its savepoint and the rollback it advises, one with a stop-with-savepoint
 * and {@code flink run -s}. Fixed generated events go in two halves, one consumed before the
 * upgrades and one after; the committed output then equals the independent reference model exactly: no duplicate,
 * no missing row, every value.
 */
class SessionClusterIT {

    private static final long SEED = 20261125L;
    private static final int EVENTS = 3_000;
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final List<String> PIPELINES = List.of("active_users_1m", "product_metrics_1m", "session_metrics");
    private static final Pattern NEW_JOB = Pattern.compile("new job {4}([0-9a-f]{32})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILE = "session-test";

    @Test
    void jobsSubmittedThroughFlinkRunSurviveUpgradesThroughSavepointsWithExactOutput(@TempDir Path work)
            throws Exception {
        long started = System.nanoTime();
        SharedStack stack = SharedStack.get();
        String prefix = SharedStack.uniquePrefix("session");
        Path sql = sqlWithTestProfile(work);
        SqlBundle bundle = SqlBundle.at(sql);
        // The launcher's variables, for the client (`flink run` calls the main method there) and for the JobManager
        // (`upgrade` runs the jar through REST, which calls it there). None is compiled into a plan.
        Map<String, String> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.kafka.bootstrapServers(),
                "TOPIC_PREFIX", prefix,
                "CHECKPOINT_INTERVAL", "1 s");
        Variables variables = Variables.of(bundle.profile(PROFILE), environment);
        Map<String, PipelineFile> pipelines = new LinkedHashMap<>();
        PIPELINES.forEach(name -> pipelines.put(name, bundle.latest(name)));
        Map<String, String> outputTopics = new TreeMap<>();
        Map<String, String> consumerGroups = new TreeMap<>();
        pipelines.forEach((name, file) -> {
            Map<String, String> own = PipelineVariables.of(file.id(), variables);
            outputTopics.put(name, own.get(PipelineVariables.OUTPUT_TOPIC));
            consumerGroups.put(name, own.get("CONSUMER_GROUP"));
        });
        Set<String> topics = new LinkedHashSet<>(EventType.topics(prefix));
        topics.addAll(outputTopics.values());
        topics.add(AccountingTopics.deadLetters(prefix));
        topics.add(AccountingTopics.lateEvents(prefix));
        stack.kafka.createTopics(topics, 4);

        List<OutgoingEvent> events = new ArrayList<>();
        EventGenerator.ofCount(GeneratorSettings.defaults(SEED), EVENTS).forEachRemaining(events::add);
        write(stack, prefix, events.subList(0, EVENTS / 2));

        Path client = Files.createDirectories(work.resolve("client"));
        String jar = BundleJar.path().toString();
        try (StandaloneFlinkCluster flink = StandaloneFlinkCluster.start(work.resolve("flink"), 0, 4, environment)) {
            String url = flink.restAddress().toString();
            JobManagerClient rest = new JobManagerClient(flink.restAddress());
            FlinkCli cli = new FlinkCli(flink.configDirectory(), environment);

            FlinkCli.Result submitted = cli.run(client, STEP, "run", "-d", jar, "run", "--profile", PROFILE, "--sql-dir",
                    sql.toString());
            assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
            Map<String, String> firstJobs = awaitRunning(rest, Set.of());
            firstJobs.forEach((name, id) -> assertThat(submitted.output()).as(submitted.toString())
                    .contains("Submitted " + pipelines.get(name).id().jobName() + " as job " + id
                            + " from its committed plan"));
            // Output arrives in Kafka, committed: at least the revisions of every minute that ended a minute or more
            // before the last event written, which the watermark has passed (and no revision twice: see the end).
            awaitCommittedRecords(stack, outputTopics.get("session_metrics"),
                    closedRevisions(events.subList(0, EVENTS / 2)));

            Map<String, String> upgradedByVerb = new HashMap<>();
            BundleJar.Result upgraded = logged(BundleJar.run(client, STEP, "upgrade", "session_metrics",
                    "--jobmanager", url, "--profile", PROFILE, "--sql-dir", sql.toString()));
            assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
            assertThat(upgraded.stdout()).as(upgraded.toString()).contains(
                    "Upgraded session_metrics@v3 on " + url + " (Flink 1.20.3):",
                    "old job    " + firstJobs.get("session_metrics") + ", stopped with a savepoint in ",
                    "savepoint  " + flink.savepointDirectory().toUri().toString().replace("file:///", "file:/"),
                    "first checkpoint");
            upgradedByVerb.put("session_metrics", newJob(upgraded));
            assertThat(rest.job(firstJobs.get("session_metrics")).state()).isEqualTo("FINISHED");

            // An upgrade to a broken build fails once the old job is stopped; the rollback it advises restores the
            // savepoint with the previous build (here the same jar).
            BundleJar.Result failed = logged(BundleJar.run(client, STEP, "upgrade", "product_metrics_1m",
                    "--jobmanager", url, "--profile", PROFILE, "--sql-dir", sql.toString(), "--jar",
                    brokenBuild(work).toString()));
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
            assertThat(failed.stderr()).as(failed.toString()).contains(
                    "failed while running run product_metrics_1m.v1 --profile " + PROFILE + " --sql-dir " + sql
                            + " from the savepoint: the"
                            + " JobManager at " + url + " refused POST /jars/",
                    "  old job    " + firstJobs.get("product_metrics_1m") + ": FINISHED, stopped with the savepoint",
                    "  new job    none", "The pipeline is not running; its input waits in Kafka, nothing is lost.");
            BundleJar.Result rolledBack = logged(BundleJar.run(client, STEP, advisedRollback(failed.stderr())));
            assertThat(rolledBack.exitCode()).as(rolledBack.toString()).isZero();
            assertThat(rolledBack.stdout()).as(rolledBack.toString()).contains(
                    "Upgraded product_metrics_1m@v1 on " + url, " (given)");
            upgradedByVerb.put("product_metrics_1m", newJob(rolledBack));

            String savepoint = stopWithSavepoint(rest, firstJobs.get("active_users_1m"), false);
            FlinkCli.Result resumed = cli.run(client, STEP, "run", "-d", "-s", savepoint, jar, "run",
                    "active_users_1m", "--profile", PROFILE, "--sql-dir", sql.toString());
            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();

            Map<String, String> upgradedJobs = awaitRunning(rest, Set.copyOf(firstJobs.values()));
            assertThat(upgradedJobs).containsAllEntriesOf(upgradedByVerb);
            assertThat(upgradedJobs.values()).doesNotContainAnyElementsOf(firstJobs.values());

            write(stack, prefix, events.subList(EVENTS / 2, EVENTS));
            try (Admin admin = stack.kafka.admin()) {
                ConsumedInput.await(admin, consumerGroups.values(), EventType.topics(prefix), 4, STEP);
            }
            // Draining sends the final watermark first: every window still open closes and is committed.
            for (String id : upgradedJobs.values()) {
                stopWithSavepoint(rest, id, true);
            }

            List<String> lines = events.stream().map(OutgoingEvent::json).toList();
            OutputAudit.assertExact(stack.kafka.bootstrapServers(), outputTopics, lines);

            // A program that fails in the JobManager (REST run) is reported, and the JobManager lives on.
            String jarId = rest.uploadJar(Path.of(jar), STEP);
            assertThatThrownBy(() -> rest.runJar(jarId, List.of("run", "no_such_pipeline", "--profile", "local"),
                    Optional.empty(), STEP)).isInstanceOf(JobManagerRequestException.class)
                    .hasMessageContaining("no_such_pipeline");
            assertThat(rest.flinkVersion()).isEqualTo("1.20.3");

            BundleJar.Result nothingRuns = BundleJar.run(client, STEP, "upgrade", "session_metrics", "--jobmanager",
                    url);
            assertThat(nothingRuns.exitCode()).as(nothingRuns.toString()).isEqualTo(3);
            assertThat(nothingRuns.stderr()).as(nothingRuns.toString())
                    .contains("no job named session_metrics@v3 runs there", "Nothing was changed.");
        }
        System.out.printf("SessionClusterIT took %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /**
     * The repository's SQL with a profile of this test, planned with {@code plan} as an analyst commits a profile: the
     * local profile's values, except that every partition holds the watermark back however long it is silent. With
     * local's 10 s idle timeout, sources idle during the upgrades would stop counting, and the second half's backlog
     * could carry the watermark past purchases not yet read: late by design, but then the output is not the
     * reference's. The idle timeout is compiled into the plans, so no environment variable may change it.
     */
    private static Path sqlWithTestProfile(Path work) throws IOException {
        Path sql = RepositorySql.copyInto(work);
        Path profile = sql.resolve("profiles").resolve(PROFILE + ".properties");
        Files.copy(sql.resolve("profiles").resolve("local.properties"), profile);
        RepositorySql.replaceOnce(profile, "SOURCE_IDLE_TIMEOUT=10 s", "SOURCE_IDLE_TIMEOUT=1 h");
        LauncherRun planned = LauncherRun.of("plan", "--sql-dir", sql.toString(), "--profile", PROFILE);
        assertThat(planned.exitCode()).as(planned.output()).isZero();
        assertThat(sql.resolve("plans").resolve(PROFILE).resolve("session_metrics.v3.json")).isRegularFile();
        return sql;
    }

    private static BundleJar.Result logged(BundleJar.Result result) {
        System.out.println("--- shopstream.jar: " + result);
        return result;
    }

    private static String newJob(BundleJar.Result upgrade) {
        Matcher newJob = NEW_JOB.matcher(upgrade.stdout());
        assertThat(newJob.find()).as(upgrade.toString()).isTrue();
        return newJob.group(1);
    }

    /** A jar that names the launcher as its main class but lacks it, as a botched build might. */
    private static Path brokenBuild(Path directory) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.shopstream.bootstrap.Main");
        Path jar = directory.resolve("broken-shopstream.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("README.txt"));
            out.write("no classes".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    /** The arguments of the `java -jar PREVIOUS.jar upgrade ...` line a failed upgrade advises. */
    private static String[] advisedRollback(String message) {
        String line = message.lines().filter(text -> text.startsWith("  java -jar PREVIOUS.jar ")).findFirst()
                .orElseThrow(() -> new AssertionError("no rollback command in:\n" + message));
        return line.substring("  java -jar PREVIOUS.jar ".length()).split(" ");
    }

    private static void write(SharedStack stack, String prefix, List<OutgoingEvent> events) {
        try (KafkaEventWriter writer = new KafkaEventWriter(stack.kafka.bootstrapServers(), prefix)) {
            events.forEach(writer::write);
            writer.flush();
        }
    }

    /** The RUNNING job of each pipeline, by pipeline name, once there is one for each, leaving out {@code old}. */
    private static Map<String, String> awaitRunning(JobManagerClient rest, Set<String> old) {
        return Deadline.in(STEP).poll(() -> {
            Map<String, String> running = new TreeMap<>();
            for (FlinkJob job : rest.jobs()) {
                String pipeline = job.name().substring(0, job.name().indexOf('@'));
                // The dead-letters job runs beside them (run submits it) and is not upgraded here.
                if (job.isRunning() && !old.contains(job.id()) && PIPELINES.contains(pipeline)) {
                    running.put(pipeline, job.id());
                }
            }
            return running.keySet().equals(Set.copyOf(PIPELINES)) ? Optional.of(running) : Optional.empty();
        }).orElseThrow(() -> new AssertionError("not every pipeline RUNNING within " + STEP + ": " + rest.jobs()));
    }

    private static String stopWithSavepoint(JobManagerClient rest, String jobId, boolean drain) {
        String request = rest.stopWithSavepoint(jobId, Optional.empty(), drain);
        SavepointStatus status = Deadline.in(STEP).poll(() -> Optional.of(rest.savepointStatus(jobId, request))
                .filter(SavepointStatus::completed)).orElseThrow(() -> new AssertionError("no savepoint of " + jobId));
        assertThat(status.failure()).as("savepoint of " + jobId).isEmpty();
        assertThat(Deadline.in(STEP).until(() -> rest.job(jobId).state().equals("FINISHED")))
                .as(jobId + " FINISHED after its savepoint").isTrue();
        return status.location().orElseThrow();
    }

    private static void awaitCommittedRecords(SharedStack stack, String topic, int count) {
        assertThat(count).as("committed records of " + topic + " to wait for").isPositive();
        try (OutputTopicReader reader = new OutputTopicReader(stack.kafka.bootstrapServers())) {
            Deadline.in(STEP).poll(() -> {
                List<OutputRecord> records = reader.readAll(topic, Duration.ofSeconds(30));
                return records.size() >= count ? Optional.of(records) : Optional.empty();
            }).orElseThrow(() -> new AssertionError("fewer than " + count + " committed records in " + topic
                    + " within " + STEP));
        }
    }

    /** How many session revisions {@code events} give for minutes that ended a minute before the last of them. */
    private static int closedRevisions(List<OutgoingEvent> events) throws Exception {
        List<Long> minuteEnds = new ArrayList<>();
        for (String revision : ReferenceMetrics.sessionRevisions(events.stream().map(OutgoingEvent::json).toList())) {
            long lastEventTime = JSON.readTree(revision).path("last_event_time").asLong();
            minuteEnds.add(lastEventTime - Math.floorMod(lastEventTime, 60_000L) + 60_000);
        }
        long closedBy = minuteEnds.stream().mapToLong(Long::longValue).max().orElseThrow() - 2 * 60_000;
        return (int) minuteEnds.stream().filter(end -> end <= closedBy).count();
    }
}
