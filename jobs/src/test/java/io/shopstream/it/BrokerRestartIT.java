package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.EventType;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.generator.EventGenerator;
import io.shopstream.generator.GeneratorSettings;
import io.shopstream.localstack.Deadline;
import io.shopstream.localstack.KafkaBroker;
import io.shopstream.planning.PlannedPipeline;
import io.shopstream.submitting.FlinkTarget;
import io.shopstream.submitting.PipelineSubmitter;
import io.shopstream.submitting.SubmittedPipeline;
import io.shopstream.testing.RepositorySql;
import io.shopstream.upgrading.JobManagerClient;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.Variables;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker restarted in the middle of a run: every pipeline runs on the Flink MiniCluster with exactly-once
 * sinks on a broker of this test's own (a child JVM), generated traffic arrives at a steady rate, and halfway through
 * the broker is stopped, stays down until every job has a checkpoint stuck on it, and is started again on the same
 * port and data directory. The jobs carry on (their checkpoints wait, or fail and are retried), and the read_committed
 * output equals the reference model computed from the input: no duplicate, no missing row, every value exact.
 */
class BrokerRestartIT {

    private static final long SEED = 20261128L;
    private static final int EVENTS = 3_000;
    private static final int EVENTS_PER_SECOND = 100;
    private static final Duration STEP = Duration.ofMinutes(3);
    /** A checkpoint pending this long (the interval is 1 s) is held up by the missing broker. */
    private static final Duration STUCK = Duration.ofSeconds(3);

    @Test
    void jobsCarryOnExactlyAcrossABrokerRestart(@TempDir Path work) throws Exception {
        long started = System.nanoTime();
        SharedStack stack = SharedStack.get();
        String prefix = SharedStack.uniquePrefix("broker-restart");
        SqlBundle bundle = SqlBundle.at(RepositorySql.DIRECTORY);
        List<OutgoingEvent> events = new ArrayList<>();
        EventGenerator.ofCount(GeneratorSettings.defaults(SEED), EVENTS).forEachRemaining(events::add);
        System.out.printf("BrokerRestartIT: seed %d, %d events at %d/s%n", SEED, EVENTS, EVENTS_PER_SECOND);

        try (KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), 0)) {
            // Sources never count as idle: while the broker is away no partition may fall behind the watermark.
            Variables variables = Variables.of(bundle.profile("local"), Map.of()).with(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "TOPIC_PREFIX", prefix,
                    "SCAN_STARTUP_MODE", "earliest-offset",
                    "CHECKPOINT_INTERVAL", "1 s",
                    "SOURCE_IDLE_TIMEOUT", "1 h"));
            PipelineSubmitter submitter = new PipelineSubmitter(bundle, variables,
                    FlinkTarget.rest(stack.flink.restAddress()));
            List<PlannedPipeline> planned = bundle.latestVersions().stream().map(submitter::prepare).toList();
            Set<String> topics = new LinkedHashSet<>(EventType.topics(prefix));
            Map<String, String> outputTopics = new TreeMap<>();
            // Windowed pipelines also write late events to the topic they share: the audited one is OUTPUT_TOPIC.
            planned.forEach(pipeline -> {
                pipeline.sinks().forEach(sink -> topics.add(sink.topic().orElseThrow()));
                outputTopics.put(pipeline.id().name(), PipelineVariables.of(pipeline.id(), variables)
                        .get(PipelineVariables.OUTPUT_TOPIC));
            });
            kafka.createTopics(topics, 4);
            List<SubmittedPipeline> jobs = planned.stream().map(submitter::submit).toList();
            JobManagerClient rest = new JobManagerClient(stack.flink.restAddress());

            String stopped;
            try (KafkaEventWriter writer = new KafkaEventWriter(kafka.bootstrapServers(), prefix);
                    PacedWriter feed = PacedWriter.start(writer, events, EVENTS_PER_SECOND)) {
                feed.holdAt(EVENTS / 2);
                awaitCheckpointing(rest, jobs);
                feed.awaitWritten(EVENTS / 2, STEP);
                feed.holdAt(EVENTS);
                long stopAt = System.currentTimeMillis();
                kafka.stop();
                stopped = String.format("stopped at event %d after %.1f s", feed.written(),
                        (System.nanoTime() - started) / 1e9);
                long downSince = System.nanoTime();
                awaitStuckCheckpoints(stack.flink.restAddress(), jobs, stopAt);
                kafka.restart();
                System.out.printf("BrokerRestartIT: broker %s, down %.1f s (until every job had a checkpoint"
                        + " pending for %d s), back on %s%n", stopped, (System.nanoTime() - downSince) / 1e9,
                        STUCK.toSeconds(), kafka.bootstrapServers());
                feed.awaitWritten(EVENTS, STEP);
            }
            try (Admin admin = kafka.admin()) {
                ConsumedInput.await(admin, consumerGroups(bundle, variables), EventType.topics(prefix),
                        4, STEP);
            }
            // Draining sends the final watermark first: every window still open closes and is committed.
            for (SubmittedPipeline job : jobs) {
                job.job().stopWithSavepoint(true, work.resolve("savepoints").toUri().toString(),
                        SavepointFormatType.CANONICAL).get(STEP.toSeconds(), TimeUnit.SECONDS);
            }
            List<String> lines = events.stream().map(OutgoingEvent::json).toList();
            OutputAudit.Figures figures = OutputAudit.audit(kafka.bootstrapServers(), outputTopics, lines);
            System.out.printf("BrokerRestartIT figures: events %d, broker %s, failovers %s, %s; took %d s%n",
                    EVENTS, stopped, FlinkRest.failovers(stack.flink.restAddress(), jobs.stream().collect(
                            Collectors.toMap(job -> job.id().name(), job -> job.job().getJobID().toHexString()))), figures,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            OutputAudit.assertExact(kafka.bootstrapServers(), outputTopics, lines);
            assertThat(figures.duplicates()).as("duplicates").isZero();
            assertThat(figures.missing()).as("missing").isZero();
            assertThat(figures.wrong()).as("wrong").isZero();
        }
    }

    private static List<String> consumerGroups(SqlBundle bundle, Variables variables) {
        return bundle.latestVersions().stream()
                .map(pipeline -> PipelineVariables.of(pipeline.id(), variables).get("CONSUMER_GROUP")).toList();
    }

    /** Waits until every job has completed a checkpoint: it runs, and commits output. */
    private static void awaitCheckpointing(JobManagerClient rest, List<SubmittedPipeline> jobs) {
        boolean checkpointing = Deadline.in(STEP).until(() -> jobs.stream()
                .allMatch(job -> rest.checkpoints(job.job().getJobID().toHexString()).completed() > 0));
        assertThat(checkpointing).as("every job completes a checkpoint within " + STEP).isTrue();
    }

    /**
     * Waits until every job has a checkpoint triggered after {@code stopAt} that is still pending {@link #STUCK}
     * later, or has failed: the broker's absence has reached every job.
     */
    private static void awaitStuckCheckpoints(URI rest, List<SubmittedPipeline> jobs, long stopAt) {
        boolean stuck = Deadline.in(STEP).until(() -> jobs.stream().allMatch(job -> {
            for (JsonNode checkpoint : FlinkRest.get(rest, "/jobs/" + job.job().getJobID() + "/checkpoints").path("history")) {
                long triggered = checkpoint.path("trigger_timestamp").asLong();
                String status = checkpoint.path("status").asText();
                if (triggered > stopAt && (status.equals("FAILED") || status.equals("IN_PROGRESS")
                        && System.currentTimeMillis() - triggered > STUCK.toMillis())) {
                    return true;
                }
            }
            return false;
        }));
        assertThat(stuck).as("every job's checkpoints held up by the stopped broker within " + STEP).isTrue();
    }
}
