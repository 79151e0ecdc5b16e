package io.shopstream.it;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.PipelineId;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.EventType;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.localstack.EmbeddedFlinkCluster;
import io.shopstream.localstack.KafkaBroker;
import io.shopstream.planning.PlannedPipeline;
import io.shopstream.submitting.FlinkTarget;
import io.shopstream.submitting.PipelineSubmitter;
import io.shopstream.submitting.SubmittedPipeline;
import io.shopstream.variables.Variables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One real Kafka broker and one Flink MiniCluster for every integration test of this JVM: starting them takes seconds,
 * and tests stay apart through topic prefixes of their own ({@link #uniquePrefix}). Stopped when the JVM exits.
 */
final class SharedStack {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static SharedStack instance;

    final KafkaBroker kafka;
    final EmbeddedFlinkCluster flink;

    private SharedStack(KafkaBroker kafka, EmbeddedFlinkCluster flink) {
        this.kafka = kafka;
        this.flink = flink;
    }

    static synchronized SharedStack get() {
        if (instance == null) {
            Path directory = temporaryDirectory();
            KafkaBroker kafka = KafkaBroker.start(directory.resolve("kafka"), 0);
            EmbeddedFlinkCluster flink = EmbeddedFlinkCluster.start(0, 8);
            instance = new SharedStack(kafka, flink);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                flink.close();
                kafka.close();
            }, "stop-shared-stack"));
        }
        return instance;
    }

    /**
     * The local profile's variables pointed at the shared broker, under {@code topicPrefix}, starting from the
     * earliest offset with one-second checkpoints; {@code more} adds or replaces values.
     */
    Variables variables(SqlBundle bundle, String topicPrefix, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "TOPIC_PREFIX", topicPrefix,
                "SCAN_STARTUP_MODE", "earliest-offset",
                "CHECKPOINT_INTERVAL", "1 s"));
        values.putAll(more);
        return Variables.of(bundle.profile("local"), Map.of()).with(values);
    }

    /**
     * Creates the source topics under {@code topicPrefix} and the output topics of every latest pipeline (4
     * partitions each), writes {@code events} to the sources, then submits every latest pipeline.
     */
    List<SubmittedPipeline> runLatestPipelines(SqlBundle bundle, Variables variables, String topicPrefix,
            List<OutgoingEvent> events) {
        return runPipelines(bundle, variables, topicPrefix, events, bundle.latestVersions());
    }

    /** As {@link #runLatestPipelines}, for the {@code pipelines} given. */
    List<SubmittedPipeline> runPipelines(SqlBundle bundle, Variables variables, String topicPrefix,
            List<OutgoingEvent> events, List<PipelineFile> pipelines) {
        return runPipelines(kafka, bundle, variables, topicPrefix, events, pipelines);
    }

    /**
     * As {@link #runPipelines(SqlBundle, Variables, String, List, List)}, on a broker of the test's own: topics are
     * created and events written through its plaintext port, the jobs connect where {@code variables} say.
     */
    List<SubmittedPipeline> runPipelines(KafkaBroker kafka, SqlBundle bundle, Variables variables,
            String topicPrefix, List<OutgoingEvent> events, List<PipelineFile> pipelines) {
        return run(kafka, bundle, variables, topicPrefix, events,
                submitter -> pipelines.stream().map(submitter::prepare).toList());
    }

    /** As {@link #runLatestPipelines}, the pipelines planned together as one job ({@code jobId}). */
    SubmittedPipeline runLatestPipelinesAsOneJob(SqlBundle bundle, Variables variables, String topicPrefix,
            List<OutgoingEvent> events, PipelineId jobId) {
        return run(kafka, bundle, variables, topicPrefix, events,
                submitter -> List.of(submitter.prepareTogether(jobId, bundle.latestVersions()))).get(0);
    }

    private List<SubmittedPipeline> run(KafkaBroker kafka, SqlBundle bundle, Variables variables,
            String topicPrefix, List<OutgoingEvent> events,
            Function<PipelineSubmitter, List<PlannedPipeline>> planning) {
        PipelineSubmitter submitter = new PipelineSubmitter(bundle, variables, FlinkTarget.rest(flink.restAddress()));
        List<PlannedPipeline> planned = planning.apply(submitter);
        Set<String> topics = new LinkedHashSet<>(EventType.topics(topicPrefix));
        planned.forEach(pipeline -> pipeline.sinks().forEach(sink -> topics.add(sink.topic().orElseThrow())));
        kafka.createTopics(topics, 4);
        try (KafkaEventWriter writer = new KafkaEventWriter(kafka.bootstrapServers(), topicPrefix)) {
            events.forEach(writer::write);
            writer.flush();
        }
        return planned.stream().map(submitter::submit).toList();
    }

    /** A topic prefix no other test of this JVM uses, e.g. {@code t3-golden-}. */
    static String uniquePrefix(String purpose) {
        return "t" + PREFIXES.incrementAndGet() + "-" + purpose + "-";
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("shopstream-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
