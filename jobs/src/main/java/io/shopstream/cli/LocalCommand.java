package io.shopstream.cli;

import io.shopstream.bundle.SqlBundle;
import io.shopstream.errors.RootCause;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.feed.EventFeed;
import io.shopstream.generator.EventGenerator;
import io.shopstream.localstack.LocalStack;
import io.shopstream.localstack.WorkDirectory;
import io.shopstream.pinot.PinotBroker;
import io.shopstream.pinot.PinotQueryException;
import io.shopstream.pinot.PinotTable;
import io.shopstream.pinot.PinotUnavailableException;
import io.shopstream.summary.BadInputTally;
import io.shopstream.summary.FigureSource;
import io.shopstream.summary.Figures;
import io.shopstream.summary.LiveSummary;
import io.shopstream.summary.PinotFigures;
import io.shopstream.summary.TopicFigures;
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
        description = {"Run everything on this machine: a Kafka broker, Flink with its dashboard, Pinot, every"
                + " pipeline, and the event generator, with a live summary read from Pinot every few seconds.",
                "Ports: Kafka on --kafka-port (default 9092, so `tail` and `generate` find it), the Flink dashboard"
                        + " and REST API on --flink-port (default 8081), the Pinot controller and console on"
                        + " --pinot-controller-port (default 9000) and its broker on --pinot-broker-port (default"
                        + " 8099), so `pinot query` finds them. Stops cleanly on Ctrl-C, removing its data directory"
                        + " unless --keep."})
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

    @Option(names = "--no-pinot", description = "Run without Pinot; the summary reads the output topics instead.")
    boolean noPinot;

    @Option(names = "--pinot-controller-port", paramLabel = "PORT", defaultValue = "9000",
            description = "The Pinot controller's port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int pinotControllerPort;

    @Option(names = "--pinot-broker-port", paramLabel = "PORT", defaultValue = "8099",
            description = "The Pinot broker's port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int pinotBrokerPort;

    @Mixin
    PinotConfigOptions pinotConfigs;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where Kafka and Pinot keep their data; must be empty or new (default: a new temporary"
                    + " directory).")
    Path dataDirectory;

    @Option(names = "--keep", description = "Keep the data directory when stopping.")
    boolean keep;

    @Option(names = "--summary-every", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "5s", description = "How often the live summary is printed (default: ${DEFAULT-VALUE}).")
    Duration summaryEvery;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "local",
            description = "Profile whose variables the SQL is resolved with (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--from-sql",
            description = "Run the SQL compiled now instead of the committed plans (sql/plans/): for trying an edit"
                    + " before `plan`.")
    boolean fromSql;

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
        Optional<List<PinotTable>> pinotTables = noPinot ? Optional.empty() : Optional.of(pinotConfigs.tables());
        Console.progress("Starting Kafka, Flink" + (noPinot ? "" : " and Pinot") + " (data in " + directory
                + ")...");
        LocalStack.Settings settings = new LocalStack.Settings(directory, keep,
                new LocalStack.Ports(kafkaPort, flinkPort, pinotControllerPort, pinotBrokerPort),
                Math.max(4, bundle.latestVersions().size()), pinotTables);
        try (ShutdownSignal signal = ShutdownSignal.onShutdown(stopRequested::countDown);
                LocalStack stack = LocalStack.start(settings, variables, Console::progress)) {
            Console.progress(String.format(Locale.ROOT, "Kafka at %s, Flink dashboard at %s%s (%.1f s)",
                    stack.bootstrapServers(), stack.flinkAddress(), stack.pinotController()
                            .map(controller -> ", Pinot console at " + controller + ", broker " + stack.pinotBroker()
                                    .orElseThrow()).orElse(""), seconds(started)));
            List<LocalStack.Output> outputs = stack.runPipelines(bundle, bundle.latestVersions(), !fromSql);
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

    private int summarise(LocalStack stack, List<LocalStack.Output> outputs, Optional<EventFeed> feed,
            CountDownLatch stopRequested, long started) throws InterruptedException {
        LiveSummary summary = new LiveSummary(ZoneId.systemDefault());
        boolean announcedFigures = false;
        try (FigureSource source = figureSource(stack, outputs);
                BadInputTally badInput = new BadInputTally(stack.bootstrapServers(), stack.topicPrefix())) {
            Console.progress("Figures from " + source.description() + ".");
            while (!stopRequested.await(summaryEvery.toMillis(), TimeUnit.MILLISECONDS)) {
                List<LocalStack.JobTrouble> troubles = stack.troubledJobs();
                for (LocalStack.JobTrouble trouble : troubles) {
                    Console.progress((trouble.over() ? "error: " : "warning: ") + trouble.description() + "; the"
                            + " Flink dashboard at " + stack.flinkAddress() + " shows why (--verbose for the logs)");
                }
                if (troubles.stream().anyMatch(LocalStack.JobTrouble::over)) {
                    return ExitCodes.FAILED;
                }
                Figures figures;
                try {
                    figures = source.figures();
                } catch (PinotUnavailableException | PinotQueryException e) {
                    Console.progress("warning: no figures this time: " + e.getMessage());
                    continue;
                }
                if (!announcedFigures && figures.any()) {
                    announcedFigures = true;
                    Console.progress(String.format(Locale.ROOT, "First figures %.1f s after start.", seconds(started)));
                }
                print(summary.render(figures, badInput.counts()), feed);
            }
        }
        return ExitCodes.OK;
    }

    /** Pinot when the stack runs it and has a table for each pipeline the summary shows, else the output topics. */
    private static FigureSource figureSource(LocalStack stack, List<LocalStack.Output> outputs) {
        Map<String, String> tableOf = new HashMap<>();
        Map<String, String> pipelineOfTopic = new HashMap<>();
        for (LocalStack.Output output : outputs) {
            output.pinotTables().stream().findFirst().ifPresent(table -> tableOf.put(output.pipeline(), table));
            output.topics().forEach(topic -> pipelineOfTopic.put(topic, output.pipeline()));
        }
        List<String> shown = List.of(TopicFigures.ACTIVE_USERS, TopicFigures.PRODUCT_METRICS,
                TopicFigures.SESSION_METRICS);
        if (stack.pinotBroker().isPresent() && tableOf.keySet().containsAll(shown)) {
            return new PinotFigures(PinotBroker.connect(stack.pinotBroker().get()), tableOf.get(shown.get(0)),
                    tableOf.get(shown.get(1)), tableOf.get(shown.get(2)));
        }
        return TopicFigures.following(stack.bootstrapServers(), pipelineOfTopic);
    }

    private void print(List<String> summary, Optional<EventFeed> feed) {
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
        summary.forEach(line -> block.append(line).append('\n'));
        System.out.print(block);
        System.out.flush();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
