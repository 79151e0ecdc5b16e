package io.shopstream.benchmark;

import io.shopstream.bundle.BundleException;
import io.shopstream.bundle.BundledDirectory;
import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.EventType;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.generator.EventGenerator;
import io.shopstream.generator.GeneratorSettings;
import io.shopstream.localstack.EmbeddedFlinkCluster;
import io.shopstream.localstack.KafkaBroker;
import io.shopstream.localstack.WorkDirectory;
import io.shopstream.planning.PlannedPipeline;
import io.shopstream.secrets.ConnectorCredentials;
import io.shopstream.submitting.FlinkTarget;
import io.shopstream.submitting.PipelineSubmitter;
import io.shopstream.submitting.SubmittedPipeline;
import io.shopstream.variables.Variables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The benchmark: generated events preloaded into a local broker, then, one after another on the same data and the
 * same embedded Flink cluster, the contenders read all of it: the ceiling (read and parse, discard), the shipped
 * pipelines (one job each, exactly-once, as {@code run} submits them) and a naive build of the same metrics.
 */
public final class BenchmarkRun {

    /** The benchmark's own pipelines, added to a copy of the bundle: {@code bench_ceiling}, {@code bench_naive}. */
    private static final String CEILING = "bench_ceiling";
    private static final String NAIVE = "bench_naive";
    private static final String RAW_TOPIC = "bench_raw_events";
    private static final Duration CONTENDER_TIMEOUT = Duration.ofMinutes(30);

    private final SqlBundle source;
    private final long events;
    private final int partitions;
    private final long seed;
    private final Consumer<String> progress;

    public BenchmarkRun(SqlBundle source, long events, int partitions, long seed, Consumer<String> progress) {
        this.source = source;
        this.events = events;
        this.partitions = partitions;
        this.seed = seed;
        this.progress = progress;
    }

    public BenchmarkReport run() {
        Path work = WorkDirectory.temporary("bench");
        try {
            SqlBundle bundle = withBenchmarkPipelines(source.copyTo(work.resolve("sql")));
            progress.accept("Starting Kafka and Flink in " + work + "...");
            try (KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), 0);
                    EmbeddedFlinkCluster flink = EmbeddedFlinkCluster.start(0, 8)) {
                Variables variables = Variables.of(bundle.profile("local"), Map.of()).with(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        ConnectorCredentials.SECURITY_PROTOCOL, "PLAINTEXT",
                        "TOPIC_PREFIX", "",
                        "SCAN_STARTUP_MODE", "earliest-offset",
                        "SCAN_BOUNDED_MODE", "latest-offset"));
                PipelineSubmitter submitter = new PipelineSubmitter(bundle, variables,
                        FlinkTarget.rest(flink.restAddress()));
                List<PipelineFile> shipped = bundle.latestVersions().stream()
                        .filter(pipeline -> !pipeline.id().name().startsWith("bench_")).toList();
                createTopics(kafka, submitter, bundle.latestVersions());
                double preloadSeconds = preload(kafka);
                List<ContenderResult> results = new ArrayList<>();
                results.add(measure("ceiling", submitter, List.of(bundle.latest(CEILING))));
                results.add(measure("shipped", submitter, shipped));
                results.add(measure("naive", submitter, List.of(bundle.latest(NAIVE))));
                return new BenchmarkReport(events, partitions, preloadSeconds, results);
            }
        } finally {
            WorkDirectory.delete(work);
        }
    }

    private SqlBundle withBenchmarkPipelines(SqlBundle copy) {
        Path pipelines = BundledDirectory.find("benchmark").orElseThrow(() -> new BundleException(
                "this build carries no benchmark pipelines (shopstream/benchmark/)"));
        try (Stream<Path> files = Files.list(pipelines)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.pipelinesDirectory().resolve(file.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the benchmark pipelines: " + e.getMessage(), e);
        }
        return copy;
    }

    private void createTopics(KafkaBroker kafka, PipelineSubmitter submitter, List<PipelineFile> pipelines) {
        Set<String> topics = new LinkedHashSet<>(EventType.topics(""));
        topics.add(RAW_TOPIC);
        for (PipelineFile pipeline : pipelines) {
            PlannedPipeline planned = submitter.prepare(pipeline);
            planned.sinks().forEach(sink -> sink.topic().ifPresent(topics::add));
        }
        kafka.createTopics(topics, partitions);
    }

    /** Writes the generated events to the four source topics and, for the naive build, to one raw topic. */
    private double preload(KafkaBroker kafka) {
        progress.accept(String.format("Preloading %,d generated events (seed %d) into %d partitions per topic...",
                events, seed, partitions));
        long started = System.nanoTime();
        // A mid-size shop: 2,000 events/s of event time, 2,000 sessions open at once, 20,000 shoppers.
        GeneratorSettings settings = GeneratorSettings.defaults(seed).withTraffic(2_000, 2_000, 20_000);
        Iterator<OutgoingEvent> generated = EventGenerator.ofCount(settings, events);
        try (KafkaEventWriter topics = new KafkaEventWriter(kafka.bootstrapServers(), "");
                KafkaEventWriter raw = KafkaEventWriter.toOneTopic(kafka.bootstrapServers(), RAW_TOPIC)) {
            while (generated.hasNext()) {
                OutgoingEvent event = generated.next();
                topics.write(event);
                raw.write(event);
            }
            topics.flush();
            raw.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.accept(String.format("Preloaded in %.1f s", seconds));
        return seconds;
    }

    private ContenderResult measure(String name, PipelineSubmitter submitter, List<PipelineFile> pipelines) {
        progress.accept("Running " + name + ": " + String.join(", ", pipelines.stream()
                .map(pipeline -> pipeline.id().jobName()).toList()) + "...");
        List<PlannedPipeline> planned = pipelines.stream().map(submitter::prepare).toList();
        ResourceMeter meter = ResourceMeter.start();
        long started = System.nanoTime();
        List<SubmittedPipeline> jobs = planned.stream().map(submitter::submit).toList();
        for (SubmittedPipeline job : jobs) {
            try {
                job.job().getJobExecutionResult().get(CONTENDER_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            } catch (ExecutionException | TimeoutException e) {
                throw new BenchmarkException(name + ": " + job.id().jobName() + " did not finish: " + e.getMessage(),
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkException(name + " interrupted", e);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        ResourceMeter.Reading reading = meter.read();
        ContenderResult result = new ContenderResult(name, jobs.size(), events, seconds, reading.cpuSeconds(),
                reading.peakHeapMegabytes());
        progress.accept(String.format("%s: %,.0f events/s (%.1f s), %.1f CPU s per million events, peak heap %d MB",
                name, result.eventsPerSecond(), seconds, result.cpuSecondsPerMillionEvents(),
                result.peakHeapMegabytes()));
        return result;
    }
}
