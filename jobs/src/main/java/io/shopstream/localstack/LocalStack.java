package io.shopstream.localstack;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.EventType;
import io.shopstream.pinot.PinotConfigShape;
import io.shopstream.pinot.PinotContract;
import io.shopstream.pinot.PinotController;
import io.shopstream.pinot.PinotTable;
import io.shopstream.pinot.TablesAsCode;
import io.shopstream.planning.PlannedPipeline;
import io.shopstream.planning.SinkTable;
import io.shopstream.secrets.ConnectorCredentials;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobStatus;
import org.slf4j.LoggerFactory;

/**
 * The whole embedded stack of {@code local}: a Kafka broker, a Flink cluster and Pinot (started side by side), the
 * source and output topics, the Pinot tables, and every pipeline running on them, streaming. Closing it stops the
 * jobs, the cluster, Pinot and the broker in that order, then removes the data directory unless asked to keep it.
 */
public final class LocalStack implements AutoCloseable {

    private static final int PARTITIONS = 4;

    /**
     * Where and how the stack runs.
     *
     * @param directory where the broker and Pinot keep their data: must be empty or new
     * @param pinotTables the Pinot tables to create, or none to run without Pinot
     */
    public record Settings(Path directory, boolean keepDirectory, Ports ports, int slots,
            Optional<List<PinotTable>> pinotTables) {}

    /** Kafka's, the Flink REST API's, and Pinot's controller and broker ports; 0 for any free one. */
    public record Ports(int kafka, int flink, int pinotController, int pinotBroker) {}

    /** A pipeline running in the stack and where its results go. */
    public record Output(String pipeline, List<String> topics, List<String> pinotTables) {}

    private final Settings settings;
    private final KafkaBroker kafka;
    private final EmbeddedFlinkCluster flink;
    private final Optional<PinotCluster> pinot;
    private final Variables variables;
    private final List<SubmittedPipeline> jobs = new ArrayList<>();
    private final Consumer<String> progress;

    private LocalStack(Settings settings, KafkaBroker kafka, EmbeddedFlinkCluster flink, Optional<PinotCluster> pinot,
            Variables variables, Consumer<String> progress) {
        this.settings = settings;
        this.kafka = kafka;
        this.flink = flink;
        this.pinot = pinot;
        this.variables = variables;
        this.progress = progress;
    }

    /**
     * Starts the broker, the cluster and Pinot side by side; if one fails, stops the others.
     *
     * @param variables the profile's variables; the broker's address and streaming from the earliest offset win
     */
    public static LocalStack start(Settings settings, Variables variables, Consumer<String> progress) {
        // Logging set up before the parallel starts: threads racing to initialise SLF4J make it print warnings.
        LoggerFactory.getLogger(LocalStack.class);
        Ports ports = settings.ports();
        long started = System.nanoTime();
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> timed("Kafka", started, progress,
                KafkaBroker.start(settings.directory().resolve("kafka"), ports.kafka())));
        CompletableFuture<Optional<PinotCluster>> pinot = CompletableFuture.supplyAsync(
                () -> settings.pinotTables().map(tables -> timed("Pinot", started, progress, PinotCluster.start(
                        settings.directory().resolve("pinot"), ports.pinotController(), ports.pinotBroker()))));
        EmbeddedFlinkCluster flink = null;
        try {
            flink = timed("Flink", started, progress, EmbeddedFlinkCluster.start(ports.flink(), settings.slots()));
            KafkaBroker broker = join(kafka);
            Variables streaming = variables.with(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    ConnectorCredentials.SECURITY_PROTOCOL, "PLAINTEXT",
                    "SCAN_STARTUP_MODE", "earliest-offset",
                    "SCAN_BOUNDED_MODE", "unbounded"));
            return new LocalStack(settings, broker, flink, join(pinot), streaming, progress);
        } catch (RuntimeException e) {
            // Each part stops once it has started, whether it was still starting or already up.
            if (flink != null) {
                flink.close();
            }
            pinot.thenAccept(cluster -> cluster.ifPresent(PinotCluster::close));
            kafka.thenAccept(KafkaBroker::close);
            throw e;
        }
    }

    private static <T> T timed(String what, long started, Consumer<String> progress, T running) {
        progress.accept(String.format(Locale.ROOT, "%s up in %.1f s", what, (System.nanoTime() - started) / 1e9));
        return running;
    }

    private static <T> T join(CompletableFuture<T> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public URI flinkAddress() {
        return flink.restAddress();
    }

    /** Pinot's controller (REST API and web console), when the stack runs Pinot. */
    public Optional<URI> pinotController() {
        return pinot.map(PinotCluster::controller);
    }

    /** Pinot's broker ({@code host:port}), when the stack runs Pinot. */
    public Optional<String> pinotBroker() {
        return pinot.map(PinotCluster::broker);
    }

    public String topicPrefix() {
        return variables.require("TOPIC_PREFIX");
    }

    /**
     * Plans every pipeline, creates the source and output topics and the Pinot tables, and submits one job per
     * pipeline.
     *
     * @param fromCommittedPlans run each pipeline's committed plan, as {@code run} does (refusing a pipeline whose plan
     *     is missing or out of date); else its SQL compiled now
     * @return each pipeline, the topics its sinks write and the Pinot tables that ingest them
     */
    public List<Output> runPipelines(SqlBundle bundle, List<PipelineFile> pipelines, boolean fromCommittedPlans) {
        FlinkTarget target = FlinkTarget.rest(flink.restAddress());
        PipelineSubmitter submitter = fromCommittedPlans
                ? PipelineSubmitter.fromCommittedPlans(bundle, variables, target)
                : new PipelineSubmitter(bundle, variables, target);
        List<PlannedPipeline> planned = pipelines.stream().map(submitter::prepare).toList();
        Set<String> topics = new LinkedHashSet<>(EventType.topics(topicPrefix()));
        Map<String, List<String>> sinkTopics = new LinkedHashMap<>();
        for (PlannedPipeline pipeline : planned) {
            List<String> written = pipeline.sinks().stream().map(SinkTable::topic).flatMap(Optional::stream).toList();
            sinkTopics.put(pipeline.id().name(), written);
            topics.addAll(written);
        }
        kafka.createTopics(topics, PARTITIONS);
        // Pinot reads the topics from their start, so its tables and the jobs can be set up at the same time.
        List<SinkTable> sinks = planned.stream().flatMap(pipeline -> pipeline.sinks().stream()).toList();
        CompletableFuture<Map<String, String>> pinotTables = pinot.isPresent()
                ? CompletableFuture.supplyAsync(() -> createPinotTables(sinks))
                : CompletableFuture.completedFuture(Map.of());
        for (PlannedPipeline pipeline : planned) {
            SubmittedPipeline job = submitter.submit(pipeline);
            jobs.add(job);
            progress.accept("Running " + job.id().jobName() + " (job " + job.job().getJobID() + ") -> "
                    + String.join(", ", sinkTopics.get(job.id().name())));
        }
        Map<String, String> tableOfTopic = join(pinotTables);
        return sinkTopics.entrySet().stream().map(entry -> new Output(entry.getKey(), entry.getValue(),
                entry.getValue().stream().map(tableOfTopic::get).filter(table -> table != null).toList())).toList();
    }

    private Map<String, String> createPinotTables(List<SinkTable> sinks) {
        List<PinotTable> tables = settings.pinotTables().orElseThrow();
        PinotContract.check(sinks, tables, topicPrefix())
                .forEach(problem -> progress.accept("warning: Pinot config and pipelines disagree: " + problem));
        List<TablesAsCode.Change> changes = new TablesAsCode(new PinotController(pinot.orElseThrow().controller()),
                Map.of("TOPIC_PREFIX", topicPrefix(), "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers()),
                PinotConfigShape.PINOT_0_11).apply(tables, false);
        progress.accept("Pinot tables: " + String.join(", ", tables.stream().map(PinotTable::name).toList()) + " ("
                + changes.size() + " configs applied)");
        Map<String, String> tableOfTopic = new LinkedHashMap<>();
        tables.forEach(table -> table.topic(topicPrefix()).ifPresent(topic -> tableOfTopic.put(topic, table.name())));
        return tableOfTopic;
    }

    /** A job that is not running, and whether it is over for good (a streaming pipeline should never stop). */
    public record JobTrouble(String description, boolean over) {}

    /** Every job that is not RUNNING: restarting after a failure, or stopped for good. */
    public List<JobTrouble> troubledJobs() {
        List<JobTrouble> troubles = new ArrayList<>();
        for (SubmittedPipeline job : jobs) {
            try {
                JobStatus status = job.job().getJobStatus().get(10, TimeUnit.SECONDS);
                if (status != JobStatus.RUNNING) {
                    troubles.add(new JobTrouble(job.id().jobName() + " is " + status,
                            status.isGloballyTerminalState()));
                }
            } catch (Exception e) {
                troubles.add(new JobTrouble(job.id().jobName() + " does not answer: " + e.getMessage(), true));
            }
        }
        return troubles;
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
            try {
                // Before the broker, so that Pinot's consumers do not spin on a broker that is gone.
                pinot.ifPresent(PinotCluster::close);
            } finally {
                kafka.close();
                if (settings.keepDirectory()) {
                    progress.accept("Kept the data directory " + settings.directory());
                } else {
                    WorkDirectory.delete(settings.directory());
                }
            }
        }
    }
}
