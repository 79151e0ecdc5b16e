package io.shopstream.trial;

import io.shopstream.bundle.AccountingTopics;
import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.errors.RootCause;
import io.shopstream.events.EventType;
import io.shopstream.events.EventsFile;
import io.shopstream.events.EventsFileException;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.localstack.EmbeddedFlinkCluster;
import io.shopstream.localstack.KafkaBroker;
import io.shopstream.localstack.WorkDirectory;
import io.shopstream.localstack.LocalStackException;
import io.shopstream.output.OutputRecord;
import io.shopstream.output.OutputTopicReader;
import io.shopstream.planning.PlannedPipeline;
import io.shopstream.planning.SinkTable;
import io.shopstream.secrets.ConnectorCredentials;
import io.shopstream.submitting.FlinkTarget;
import io.shopstream.submitting.PipelineSubmitter;
import io.shopstream.submitting.SubmittedPipeline;
import io.shopstream.variables.Variables;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs one pipeline's real SQL over a file of events, end to end and bounded: a fresh Kafka broker receives the
 * events on the source topics, the pipeline runs on an embedded Flink cluster with its exactly-once sinks until it
 * has read everything in the topics, and the output topics are read back with read_committed.
 *
 * <p>Only what makes the run bounded and local differs from production: the broker address, reading from the
 * earliest to the latest offset, and a one-second checkpoint interval so results commit promptly.
 */
public final class PipelineTrial {

    /** What a trial changes in the profile's variables, and nothing else. */
    static Map<String, String> trialOverrides(String bootstrapServers) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                // The trial's own broker is plaintext, whatever security the profile's Kafka needs.
                ConnectorCredentials.SECURITY_PROTOCOL, "PLAINTEXT",
                "SCAN_STARTUP_MODE", "earliest-offset",
                "SCAN_BOUNDED_MODE", "latest-offset",
                "CHECKPOINT_INTERVAL", "1 s");
    }

    private static final int SLOTS = 4;

    private final SqlBundle bundle;
    private final Variables variables;
    private final int partitions;
    private final Duration timeout;
    private final Consumer<String> progress;

    /**
     * @param partitions partitions of every topic the trial creates
     * @param timeout how long the pipeline may run
     */
    public PipelineTrial(SqlBundle bundle, Variables variables, int partitions, Duration timeout,
            Consumer<String> progress) {
        this.bundle = bundle;
        this.variables = variables;
        this.partitions = partitions;
        this.timeout = timeout;
        this.progress = progress;
    }

    public TrialResult run(PipelineFile pipeline, Path eventsFile) {
        List<OutgoingEvent> events = readEvents(eventsFile);
        progress.accept("Read " + events.size() + " events from " + eventsFile + "; starting Kafka and Flink...");
        Path workDirectory = WorkDirectory.temporary("try");
        CompletableFuture<KafkaBroker> starting =
                CompletableFuture.supplyAsync(() -> KafkaBroker.start(workDirectory.resolve("kafka"), 0));
        try (EmbeddedFlinkCluster flink = EmbeddedFlinkCluster.start(0, SLOTS);
                KafkaBroker kafka = join(starting)) {
            return run(pipeline, events, kafka, flink);
        } finally {
            // The broker starts beside Flink; should Flink fail to start, nothing joined it, so stop it here too.
            starting.thenAccept(KafkaBroker::close);
            WorkDirectory.delete(workDirectory);
        }
    }

    /**
     * Every non-blank line of {@code file}, routed as {@code generate} replays a file: a line that is not an event
     * of the contract is written too (to the topic of its event_type, else page_view's), for the pipelines to turn
     * into a dead letter, as they would in production.
     */
    static List<OutgoingEvent> readEvents(Path file) {
        List<OutgoingEvent> events = new ArrayList<>();
        try {
            EventsFile.replay(file, 0).forEachRemaining(events::add);
        } catch (UncheckedIOException e) {
            throw new EventsFileException(e.getMessage());
        }
        return events;
    }

    /**
     * Runs the trial on a broker and cluster that are already up. Topics are created when missing; a shared broker
     * needs a {@code TOPIC_PREFIX} of the trial's own in the variables, or events of earlier trials are read too.
     * The bundle's dead-letters pipeline runs beside the pipeline, as {@code run} would run it.
     */
    public TrialResult run(PipelineFile pipeline, List<OutgoingEvent> events, KafkaBroker kafka,
            EmbeddedFlinkCluster flink) {
        Variables trialVariables = variables.with(trialOverrides(kafka.bootstrapServers()));
        String topicPrefix = trialVariables.require("TOPIC_PREFIX");
        PipelineSubmitter submitter =
                new PipelineSubmitter(bundle, trialVariables, FlinkTarget.rest(flink.restAddress()));
        List<PlannedPipeline> planned = new ArrayList<>();
        planned.add(submitter.prepare(pipeline));
        deadLettersPipeline(pipeline).map(submitter::prepare).ifPresent(planned::add);
        Set<String> topics = new LinkedHashSet<>();
        topics.addAll(EventType.topics(topicPrefix));
        planned.forEach(job -> job.sinks().stream().map(PipelineTrial::topicOf).forEach(topics::add));
        kafka.createTopics(topics, partitions);

        try (KafkaEventWriter writer = new KafkaEventWriter(kafka.bootstrapServers(), topicPrefix)) {
            events.forEach(writer::write);
            writer.flush();
        }
        progress.accept("Wrote " + events.size() + " events to " + kafka.bootstrapServers() + "; running "
                + String.join(" and ", planned.stream().map(job -> job.id().jobName()).toList())
                + " (Flink dashboard: " + flink.restAddress() + ")...");

        List<SubmittedPipeline> jobs = planned.stream().map(submitter::submit).toList();
        jobs.forEach(this::awaitFinished);

        String lateTopic = AccountingTopics.lateEvents(topicPrefix);
        String deadLetterTopic = AccountingTopics.deadLetters(topicPrefix);
        List<TrialOutput> outputs = new ArrayList<>();
        List<String> lateEvents = new ArrayList<>();
        List<String> deadLetters = new ArrayList<>();
        try (OutputTopicReader reader = new OutputTopicReader(kafka.bootstrapServers())) {
            for (SinkTable sink : jobs.get(0).sinks()) {
                String topic = topicOf(sink);
                List<OutputRecord> records = reader.readAll(topic, Duration.ofSeconds(60));
                List<String> rows = sink.isUpsert() ? OutputTopicReader.finalValuesByKey(records)
                        : records.stream().flatMap(record -> record.value().stream()).toList();
                if (topic.equals(lateTopic)) {
                    lateEvents.addAll(rows);
                    progress.accept(sink.name() + ": " + rows.size() + " events arrived after their window had"
                            + " closed (" + topic + ")");
                    continue;
                }
                outputs.add(new TrialOutput(sink, topic, rows.stream().sorted(Comparator.naturalOrder()).toList()));
                progress.accept(sink.name() + ": " + records.size() + " committed records in " + topic + ", "
                        + rows.size() + " rows" + (sink.isUpsert() ? " (final row per key)" : ""));
            }
            if (topics.contains(deadLetterTopic)) {
                reader.readAll(deadLetterTopic, Duration.ofSeconds(60))
                        .forEach(record -> record.value().ifPresent(deadLetters::add));
                progress.accept("dead_letters: " + deadLetters.size() + " malformed records (" + deadLetterTopic
                        + ")");
            }
        }
        return new TrialResult(outputs, lateEvents, deadLetters);
    }

    /** The bundle's latest dead-letters pipeline, unless it is the one tried, or the bundle has none. */
    private Optional<PipelineFile> deadLettersPipeline(PipelineFile tried) {
        if (tried.id().name().equals(AccountingTopics.DEAD_LETTERS_PIPELINE)) {
            return Optional.empty();
        }
        return bundle.latestVersions().stream()
                .filter(file -> file.id().name().equals(AccountingTopics.DEAD_LETTERS_PIPELINE))
                .findFirst();
    }

    private void awaitFinished(SubmittedPipeline job) {
        try {
            job.job().getJobExecutionResult().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.job().cancel();
            throw new LocalStackException(job.id().jobName() + " did not finish within " + timeout.toSeconds()
                    + " s (raise --timeout, or check that its sources are bounded)");
        } catch (ExecutionException e) {
            throw new LocalStackException(job.id().jobName() + " failed: " + RootCause.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while " + job.id().jobName() + " was running", e);
        }
    }

    private static String topicOf(SinkTable sink) {
        return sink.topic().orElseThrow(() -> new LocalStackException("sink " + sink.name()
                + " has no 'topic' option: a trial reads its output from Kafka"));
    }

    private static KafkaBroker join(CompletableFuture<KafkaBroker> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
