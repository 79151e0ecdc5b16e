package io.shopstream.cli;

import io.shopstream.bundle.SqlBundle;
import io.shopstream.errors.RootCause;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.feed.EventFeed;
import io.shopstream.generator.EventGenerator;
import io.shopstream.localstack.LocalStack;
import io.shopstream.localstack.WorkDirectory;
import io.shopstream.summary.LiveSummary;
import io.shopstream.summary.OutputFollower;
import io.shopstream.variables.Variables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "local",
        description = {"Run everything on this machine: a Kafka broker, Flink with its dashboard, every pipeline, and"
                + " the event generator, with a live summary of the pipelines' output every few seconds.",
                "Ports: Kafka on --kafka-port (default 9092, so `tail` and `generate` find it), the Flink dashboard"
                        + " and REST API on --flink-port (default 8081). Stops cleanly on Ctrl-C, removing its data"
                        + " directory unless --keep."})
final class LocalCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    TrafficOptions traffic;

    @Option(names = "--backfill", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2m",
            description = "Generated event time starts this far in the past, written at once, so the first windows"
                    + " close within seconds (default: ${DEFAULT-VALUE}).")
    Duration backfill;

    @Option(names = "--no-generator", description = "Start the stack and the pipelines, but send no events.")
    boolean noGenerator;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka's port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--flink-port", paramLabel = "PORT", defaultValue = "8081",
            description = "The Flink dashboard's and REST API's port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int flinkPort;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where Kafka keeps its data; must be empty or new (default: a new temporary directory).")
    Path dataDirectory;

    @Option(names = "--keep", description = "Keep the data directory when stopping.")
    boolean keep;

    @Option(names = "--summary-every", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "5s", description = "How often the live summary is printed (default: ${DEFAULT-VALUE}).")
    Duration summaryEvery;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "local",
            description = "Profile whose variables the SQL is resolved with (default: ${DEFAULT-VALUE}).")
    String profile;

    private Thread generatorThread;
    private long sentBefore;
    private long printedBefore = System.nanoTime();

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        SqlBundle bundle = common.bundle();
        Variables variables = Variables.of(bundle.profile(profile), System.getenv());
        Path directory = dataDirectory != null ? WorkDirectory.empty(dataDirectory) : WorkDirectory.temporary("local");
        CountDownLatch stopRequested = new CountDownLatch(1);
        Console.progress("Starting Kafka and Flink (data in " + directory + ")...");
        try (ShutdownSignal signal = ShutdownSignal.onShutdown(stopRequested::countDown);
                LocalStack stack = LocalStack.start(directory, keep, kafkaPort, flinkPort,
                        Math.max(4, bundle.latestVersions().size()), variables, Console::progress)) {
            Console.progress("Kafka at " + stack.bootstrapServers() + ", Flink dashboard at " + stack.flinkAddress());
            Map<String, List<String>> outputs = stack.runPipelines(bundle, bundle.latestVersions());
            Optional<EventFeed> feed = noGenerator ? Optional.empty() : Optional.of(startFeed(stack));
            Console.progress(String.format(Locale.ROOT, "Ready in %.1f s. Live summary every %d s; Ctrl-C stops.",
                    seconds(started), summaryEvery.toSeconds()));
            try {
                return summarise(stack, outputs, feed, stopRequested, started);
            } finally {
                Console.progress("Stopping...");
                feed.ifPresent(EventFeed::stop);
                if (generatorThread != null) {
                    // Its last events flushed before the broker goes; a broker already gone must not hold the stop.
                    generatorThread.join(Duration.ofSeconds(10).toMillis());
                }
            }
        }
    }

    private EventFeed startFeed(LocalStack stack) {
        TrafficOptions.EventStream stream = traffic.replaysFile() ? traffic.replay(true)
                : traffic.generate(traffic.settings(traffic.rateOr(300),
                        Instant.now().minus(backfill).truncatedTo(ChronoUnit.SECONDS)), EventGenerator::endless, true);
        Console.progress("Events: " + stream.description());
        KafkaEventWriter writer = new KafkaEventWriter(stack.bootstrapServers(), stack.topicPrefix());
        EventFeed feed = stream.feedInto(writer);
        generatorThread = new Thread(() -> {
            try (writer) {
                feed.run(line -> { }, Duration.ofDays(1));
            } catch (RuntimeException e) {
                Console.progress("error: the event generator stopped: " + RootCause.describe(e));
            }
        }, "event-generator");
        generatorThread.setDaemon(true);
        generatorThread.start();
        return feed;
    }

    private int summarise(LocalStack stack, Map<String, List<String>> outputs, Optional<EventFeed> feed,
            CountDownLatch stopRequested, long started) throws InterruptedException {
        Map<String, String> pipelineOfTopic = new HashMap<>();
        outputs.forEach((pipeline, topics) -> topics.forEach(topic -> pipelineOfTopic.put(topic, pipeline)));
        LiveSummary summary = new LiveSummary(ZoneId.systemDefault());
        boolean announcedFigures = false;
        try (OutputFollower follower = new OutputFollower(stack.bootstrapServers(), pipelineOfTopic)) {
            while (!stopRequested.await(0, TimeUnit.MILLISECONDS)) {
                long printAt = System.nanoTime() + summaryEvery.toNanos();
                while (System.nanoTime() < printAt && stopRequested.getCount() > 0) {
                    follower.pollInto(summary, Duration.ofMillis(Math.min(500, summaryEvery.toMillis())));
                }
                Optional<String> stopped = stack.stoppedJob();
                if (stopped.isPresent()) {
                    Console.progress("error: " + stopped.get() + "; the Flink dashboard at " + stack.flinkAddress()
                            + " shows why (run with --verbose for the logs)");
                    return ExitCodes.FAILED;
                }
                if (!announcedFigures && summary.hasFigures()) {
                    announcedFigures = true;
                    Console.progress(String.format(Locale.ROOT, "First figures %.1f s after start.", seconds(started)));
                }
                print(summary, feed);
            }
        }
        return ExitCodes.OK;
    }

    private void print(LiveSummary summary, Optional<EventFeed> feed) {
        StringBuilder block = new StringBuilder(LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        feed.ifPresent(running -> {
            long sent = running.stats().events();
            long now = System.nanoTime();
            block.append(String.format(Locale.ROOT, "  events sent %,d (%,.0f/s)", sent,
                    (sent - sentBefore) / Math.max(1e-9, (now - printedBefore) / 1e9)));
            sentBefore = sent;
            printedBefore = now;
        });
        block.append('\n');
        summary.render().forEach(line -> block.append(line).append('\n'));
        System.out.print(block);
        System.out.flush();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
