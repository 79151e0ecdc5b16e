package io.shopstream.localstack;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.EventType;
import io.shopstream.planning.PlannedPipeline;
import io.shopstream.planning.SinkTable;
import io.shopstream.submitting.FlinkTarget;
import io.shopstream.submitting.PipelineSubmitter;
import io.shopstream.submitting.SubmittedPipeline;
import io.shopstream.variables.Variables;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobStatus;

/**
 * The whole embedded stack of {@code local}: a Kafka broker and a Flink cluster (started side by side), the source
 * and output topics, and every pipeline running on them, streaming. Closing it stops the jobs, the cluster and the
 * broker in that order, then removes the data directory unless asked to keep it.
 */
public final class LocalStack implements AutoCloseable {

    private static final int PARTITIONS = 4;

    private final Path directory;
    private final boolean keepDirectory;
    private final KafkaBroker kafka;
    private final EmbeddedFlinkCluster flink;
    private final Variables variables;
    private final List<SubmittedPipeline> jobs = new ArrayList<>();
    private final Consumer<String> progress;

    private LocalStack(Path directory, boolean keepDirectory, KafkaBroker kafka, EmbeddedFlinkCluster flink,
            Variables variables, Consumer<String> progress) {
        this.directory = directory;
        this.keepDirectory = keepDirectory;
        this.kafka = kafka;
        this.flink = flink;
        this.variables = variables;
        this.progress = progress;
    }

    /**
     * Starts the broker and the cluster.
     *
     * @param directory where the broker keeps its data: must be empty or new
     * @param variables the profile's variables; the broker's address and streaming from the earliest offset win
     */
    public static LocalStack start(Path directory, boolean keepDirectory, int kafkaPort, int flinkPort, int slots,
            Variables variables, Consumer<String> progress) {
        CompletableFuture<KafkaBroker> starting =
                CompletableFuture.supplyAsync(() -> KafkaBroker.start(directory.resolve("kafka"), kafkaPort));
        EmbeddedFlinkCluster flink;
        try {
            flink = EmbeddedFlinkCluster.start(flinkPort, slots);
        } catch (RuntimeException e) {
            starting.thenAccept(KafkaBroker::close);
            throw e;
        }
        KafkaBroker kafka;
        try {
            kafka = starting.join();
        } catch (CompletionException e) {
            flink.close();
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        Variables streaming = variables.with(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCAN_STARTUP_MODE", "earliest-offset",
                "SCAN_BOUNDED_MODE", "unbounded"));
        return new LocalStack(directory, keepDirectory, kafka, flink, streaming, progress);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public URI flinkAddress() {
        return flink.restAddress();
    }

    public String topicPrefix() {
        return variables.require("TOPIC_PREFIX");
    }

    /**
     * Plans every pipeline, creates the source and output topics, and submits one job per pipeline.
     *
     * @return each pipeline's name and the topics its sinks write
     */
    public Map<String, List<String>> runPipelines(SqlBundle bundle, List<PipelineFile> pipelines) {
        PipelineSubmitter submitter = new PipelineSubmitter(bundle, variables, FlinkTarget.rest(flink.restAddress()));
        List<PlannedPipeline> planned = pipelines.stream().map(submitter::prepare).toList();
        Set<String> topics = new LinkedHashSet<>(EventType.topics(topicPrefix()));
        Map<String, List<String>> outputs = new LinkedHashMap<>();
        for (PlannedPipeline pipeline : planned) {
            List<String> sinkTopics =
                    pipeline.sinks().stream().map(SinkTable::topic).flatMap(Optional::stream).toList();
            outputs.put(pipeline.id().name(), sinkTopics);
            topics.addAll(sinkTopics);
        }
        kafka.createTopics(topics, PARTITIONS);
        for (PlannedPipeline pipeline : planned) {
            SubmittedPipeline job = submitter.submit(pipeline);
            jobs.add(job);
            progress.accept("Running " + job.id().jobName() + " (job " + job.job().getJobID() + ") -> "
                    + String.join(", ", outputs.get(job.id().name())));
        }
        return outputs;
    }

    /** A job that is no longer running, if any, with its state: a streaming pipeline should never stop. */
    public Optional<String> stoppedJob() {
        for (SubmittedPipeline job : jobs) {
            try {
                JobStatus status = job.job().getJobStatus().get(10, TimeUnit.SECONDS);
                if (status.isGloballyTerminalState()) {
                    return Optional.of(job.id().jobName() + " is " + status);
                }
            } catch (Exception e) {
                return Optional.of(job.id().jobName() + " does not answer: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        for (SubmittedPipeline job : jobs) {
            try {
                job.job().cancel().get(30, TimeUnit.SECONDS);
            } catch (Exception alreadyOver) {
                // Failed or finished already; the cluster stops it either way.
            }
        }
        try {
            flink.close();
        } finally {
            kafka.close();
            if (keepDirectory) {
                progress.accept("Kept the data directory " + directory);
            } else {
                WorkDirectory.delete(directory);
            }
        }
    }
}
