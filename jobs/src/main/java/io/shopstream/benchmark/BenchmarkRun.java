package io.shopstream.benchmark;

import io.shopstream.bundle.BundleException;
import io.shopstream.bundle.BundledDirectory;
import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.PipelineId;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.EventType;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.generator.EventGenerator;
import io.shopstream.generator.GeneratorSettings;
import io.shopstream.localstack.Deadline;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;

/**
 * The benchmark: generated events preloaded into a local broker, then, after an untimed warm-up, one after another on
 * the same data and the same embedded Flink cluster, the {@link Contender}s read all of it: the ceiling (read and
 * parse, discard), the shipped pipelines (one job each, exactly-once, as {@code run} submits them), the same planned
 * as one job, and a naive build of the same metrics. Last, a live phase measures the windows' freshness.
 */
public final class BenchmarkRun {

    /** The benchmark's own pipelines, added to a copy of the bundle: {@code bench_ceiling}, {@code bench_naive}. */
    private static final String CEILING = "bench_ceiling";
    private static final String NAIVE = "bench_naive";
    private static final String RAW_TOPIC = "bench_raw_events";
    private static final Duration CONTENDER_TIMEOUT = Duration.ofMinutes(30);
    /** After the live events stop: longer than a window's watermark delay and checkpoint interval together. */
    private static final Duration FRESHNESS_DRAIN = Duration.ofSeconds(20);

    /** The job the shipped pipelines run as when they run as one. */
    private static final PipelineId ONE_JOB = new PipelineId("shopstream_all", 1);
    /** How many events the warm-up reads at most: enough event time (about 4 minutes) to fire windows. */
    private static final long WARM_UP_EVENTS = 500_000;

    private final SqlBundle source;
    private final long events;
    private final int partitions;
    private final long seed;
    private final Set<Contender> contenders;
    private final int rounds;
    private final LivePhase livePhase;
    private final Consumer<String> progress;

    /** The freshness phase: events at a steady rate for a while; {@link Duration#ZERO} skips it. */
    public record LivePhase(double eventsPerSecond, Duration length) {}

    /** @param rounds how many times each contender runs: all of them once, then again, so drift hits each alike */
    public BenchmarkRun(SqlBundle source, long events, int partitions, long seed, Set<Contender> contenders,
            int rounds, LivePhase livePhase, Consumer<String> progress) {
        this.source = source;
        this.events = events;
        this.partitions = partitions;
        this.seed = seed;
        this.contenders = contenders;
        this.rounds = rounds;
        this.livePhase = livePhase;
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
                // Contenders run one after another in this JVM. Without a warm-up the first would also pay for
                // compiling the code they share (Kafka's consumer and transactional producer, the formats, Flink's
                // operators), and each for the JIT compiling its jobs' generated code, which a job planned alike
                // later reuses: in --repeat's later rounds the JIT took 3 to 5 CPU s of a contender instead of 11 to
                // 21, and the shipped contender ran 9% faster than in the first. An untimed pass of every
                // contender's jobs over the first events, a few minutes of event time that fire their windows,
                // measures what they cost once the JVM is warm, whatever their order. One contender at a time: the
                // shipped pipelines write with the same transactional ids in their own jobs and in the one job.
                Iterator<OutgoingEvent> generated = EventGenerator.ofCount(shop(2_000), events);
                long warmUpEvents = Math.min(WARM_UP_EVENTS, events / 2);
                double preloadSeconds = preload(kafka, generated, warmUpEvents);
                progress.accept(String.format("Warming up: every contender's jobs on the first %,d events, untimed...",
                        warmUpEvents));
                for (Contender contender : contenders) {
                    awaitFinished("warm-up", jobsOf(contender, submitter, bundle, shipped).stream()
                            .map(submitter::submit).toList());
                }
                preloadSeconds += preload(kafka, generated, events - warmUpEvents);
                List<ContenderResult> results = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    if (rounds > 1) {
                        progress.accept(String.format("Round %d of %d", round, rounds));
                    }
                    for (Contender contender : contenders) {
                        results.add(measure(contender, submitter, jobsOf(contender, submitter, bundle, shipped)));
                    }
                }
                Optional<WindowFreshness.Result> freshness = livePhase.length().isZero() ? Optional.empty()
                        : Optional.of(measureFreshness(kafka, new PipelineSubmitter(bundle, variables.with(Map.of(
                                "SCAN_STARTUP_MODE", "latest-offset",
                                "SCAN_BOUNDED_MODE", "unbounded")), FlinkTarget.rest(flink.restAddress())), shipped));
                return new BenchmarkReport(events, partitions, preloadSeconds, results, freshness);
            }
        } finally {
            WorkDirectory.delete(work);
        }
    }

    /** Waits for bounded jobs to have read everything and committed their last results. */
    private static void awaitFinished(String name, List<SubmittedPipeline> jobs) {
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
    }

    /**
     * Runs the shipped pipelines (one job each) from the end of the source topics while live events arrive, and
     * measures how soon after a window's end its result is readable.
     */
    private WindowFreshness.Result measureFreshness(KafkaBroker kafka, PipelineSubmitter submitter,
            List<PipelineFile> shipped) {
        progress.accept(String.format(Locale.ROOT, "Freshness: the shipped pipelines, live, at %,.0f events/s for"
                + " %d s...", livePhase.eventsPerSecond(), livePhase.length().toSeconds()));
        List<PlannedPipeline> planned = shipped.stream().map(submitter::prepare).toList();
        Set<String> windowTopics = new LinkedHashSet<>();
        planned.forEach(pipeline -> pipeline.sinks().stream()
                .filter(sink -> sink.columns().stream().anyMatch(column -> column.name().equals("window_end")))
                .forEach(sink -> sink.topic().ifPresent(windowTopics::add)));
        List<SubmittedPipeline> jobs = planned.stream().map(submitter::submit).toList();
        try {
            for (SubmittedPipeline job : jobs) {
                awaitRunning(job);
            }
            return new WindowFreshness(kafka.bootstrapServers(), windowTopics, progress)
                    .measure(shop(livePhase.eventsPerSecond()), livePhase.length(), FRESHNESS_DRAIN);
        } finally {
            jobs.stream().map(job -> job.job().cancel()).toList().forEach(cancelled -> {
                try {
                    cancelled.get(1, TimeUnit.MINUTES);
                } catch (ExecutionException | TimeoutException e) {
                    progress.accept("warning: a live job did not cancel: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private static void awaitRunning(SubmittedPipeline job) {
        Deadline deadline = Deadline.in(Duration.ofMinutes(2));
        Optional<JobStatus> running = deadline.poll(() -> {
            try {
                JobStatus status = job.job().getJobStatus().get(10, TimeUnit.SECONDS);
                if (status.isGloballyTerminalState()) {
                    throw new BenchmarkException(job.id().jobName() + " ended before the live phase: " + status);
                }
                return status == JobStatus.RUNNING ? Optional.of(status) : Optional.empty();
            } catch (ExecutionException | TimeoutException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkException("interrupted", e);
            }
        });
        if (running.isEmpty()) {
            throw new BenchmarkException(job.id().jobName() + " was not running within 2 minutes");
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

    /**
     * Writes the next {@code count} generated events to the four source topics and, for the naive build, to one raw
     * topic.
     */
    private double preload(KafkaBroker kafka, Iterator<OutgoingEvent> generated, long count) {
        progress.accept(String.format("Preloading %,d generated events (seed %d) into %d partitions per topic...",
                count, seed, partitions));
        long started = System.nanoTime();
        try (KafkaEventWriter topics = new KafkaEventWriter(kafka.bootstrapServers(), "");
                KafkaEventWriter raw = KafkaEventWriter.toOneTopic(kafka.bootstrapServers(), RAW_TOPIC)) {
            for (long written = 0; written < count && generated.hasNext(); written++) {
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

    /** A mid-size shop's traffic at {@code eventsPerSecond} of event time: 2,000 sessions open, 20,000 shoppers. */
    private GeneratorSettings shop(double eventsPerSecond) {
        return GeneratorSettings.defaults(seed).withTraffic(eventsPerSecond, 2_000, 20_000);
    }

    private static List<PlannedPipeline> jobsOf(Contender contender, PipelineSubmitter submitter, SqlBundle bundle,
            List<PipelineFile> shipped) {
        return switch (contender) {
            case CEILING -> List.of(submitter.prepare(bundle.latest(CEILING)));
            case SHIPPED -> shipped.stream().map(submitter::prepare).toList();
            case SHIPPED_ONE_JOB -> List.of(submitter.prepareTogether(ONE_JOB, shipped));
            case NAIVE -> List.of(submitter.prepare(bundle.latest(NAIVE)));
        };
    }

    private ContenderResult measure(Contender contender, PipelineSubmitter submitter, List<PlannedPipeline> planned) {
        String name = contender.label();
        progress.accept("Running " + name + ": " + String.join(", ", planned.stream()
                .map(pipeline -> pipeline.id().jobName()).toList()) + "...");
        ResourceMeter meter = ResourceMeter.start();
        long started = System.nanoTime();
        List<SubmittedPipeline> jobs = planned.stream().map(submitter::submit).toList();
        awaitFinished(name, jobs);
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
