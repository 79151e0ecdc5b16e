package io.shopstream.cli;

import io.shopstream.events.EventSink;
import io.shopstream.events.EventType;
import io.shopstream.events.JsonLinesWriter;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.events.KafkaTopics;
import io.shopstream.feed.EventFeed;
import io.shopstream.feed.FeedStats;
import io.shopstream.generator.EventGenerator;
import io.shopstream.localstack.KafkaBroker;
import io.shopstream.localstack.WorkDirectory;
import io.shopstream.variables.Variables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate",
        description = {"Generate realistic shopping events (or replay a file) into Kafka's source topics or a file.",
                "Sessions walk the funnel (page views, product views, add to cart, purchase) as events of the input"
                        + " contract, keyed by session_id, one topic per event type ($${TOPIC_PREFIX}<event_type>,"
                        + " created when missing). Throttled to --rate in real time unless --unthrottled; runs until"
                        + " --count or --duration, or Ctrl-C. Progress goes to stderr every 2 s."})
final class GenerateCommand implements Callable<Integer> {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    private static final long BENCHMARK_EVENTS = 5_000_000;

    @Mixin
    CommonOptions common;

    @Mixin
    TrafficOptions traffic;

    @Option(names = "--unthrottled",
            description = "Write as fast as Kafka takes them; event time still advances at --rate per second.")
    boolean unthrottled;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N records.")
    Long count;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this much event time (e.g. 10m).")
    Duration duration;

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "Event time of the first event, e.g. 2026-11-23T09:00:00Z (default: now; an unthrottled"
                    + " run with --count or --duration ends now instead).")
    Instant start;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write JSON lines to FILE (- for stdout) instead of Kafka.")
    Path output;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "4",
            description = "Partitions of the topics it creates (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--benchmark",
            description = "Measure: start a throwaway local broker, warm up, write --count (default 5,000,000) events"
                    + " unthrottled and print the sustained rate.")
    boolean benchmark;

    @Override
    public Integer call() {
        if (benchmark) {
            return runBenchmark();
        }
        if (output != null) {
            try (EventSink sink = output.toString().equals("-") ? JsonLinesWriter.toStandardOutput()
                    : JsonLinesWriter.toFile(output)) {
                feed(sink, output.toString().equals("-") ? "To standard output" : "To " + output);
            }
            return ExitCodes.OK;
        }
        Variables variables = kafka.variables(common.bundle());
        String servers = variables.require("KAFKA_BOOTSTRAP_SERVERS");
        String prefix = variables.require("TOPIC_PREFIX");
        writeToKafka(servers, prefix);
        return ExitCodes.OK;
    }

    private FeedStats writeToKafka(String servers, String prefix) {
        List<String> created =
                KafkaTopics.ensure(servers, EventType.topics(prefix), partitions, Duration.ofSeconds(10));
        if (!created.isEmpty()) {
            Console.progress("Created topics " + String.join(", ", created) + " (" + partitions + " partitions each)");
        }
        try (KafkaEventWriter sink = new KafkaEventWriter(servers, prefix)) {
            return feed(sink, "To Kafka at " + servers);
        }
    }

    private FeedStats feed(EventSink sink, String target) {
        checkOptions();
        TrafficOptions.EventStream stream;
        if (traffic.replaysFile()) {
            stream = traffic.replay(!unthrottled);
        } else {
            double perSecond = traffic.rateOr(1000);
            Instant first = start != null ? start : defaultStart(perSecond);
            Instant end = duration != null ? first.plus(duration) : null;
            stream = traffic.generate(traffic.settings(perSecond, first), settings -> count != null
                    ? EventGenerator.ofCount(settings, count)
                    : end != null ? EventGenerator.until(settings, end) : EventGenerator.endless(settings),
                    !unthrottled);
        }
        Console.progress(target + ": " + stream.description());
        EventFeed feed = stream.feedInto(sink);
        FeedStats stats;
        try (ShutdownSignal signal = ShutdownSignal.onShutdown(feed::stop)) {
            stats = feed.run(Console::progress, PROGRESS_EVERY);
        }
        Console.progress("Done: " + stats.line());
        return stats;
    }

    private void checkOptions() {
        if (partitions < 1) {
            throw new InvalidInputException("--partitions must be at least 1");
        }
        if (count != null && count < 0) {
            throw new InvalidInputException("--count must not be negative");
        }
        if (traffic.rate != null && !(traffic.rate > 0)) {
            throw new InvalidInputException("--rate must be a positive number of events per second");
        }
        if (count != null && duration != null) {
            throw new InvalidInputException("give --count or --duration, not both");
        }
        if ((count != null || duration != null) && traffic.replaysFile()) {
            throw new InvalidInputException("--count and --duration apply to generated events; a replay writes the"
                    + " whole file");
        }
    }

    /** Live runs start now; an unthrottled run of known length ends now, so its event times are not in the future. */
    private Instant defaultStart(double perSecond) {
        Instant now = Instant.now();
        if (!unthrottled) {
            return now;
        }
        if (duration != null) {
            return now.minus(duration);
        }
        return count != null ? now.minusMillis((long) (count * 1000.0 / perSecond)) : now;
    }

    private int runBenchmark() {
        if (output != null || traffic.replaysFile()) {
            throw new InvalidInputException("--benchmark writes generated events to its own broker: leave out"
                    + " --output and --events");
        }
        unthrottled = true;
        long measured = count != null ? count : BENCHMARK_EVENTS;
        Path directory = WorkDirectory.temporary("generator-benchmark");
        Console.progress("Starting a throwaway Kafka broker in " + directory + "...");
        try (KafkaBroker broker = KafkaBroker.start(directory.resolve("kafka"), 0)) {
            // A first pass lets the JIT compile the generator and the producer: the second measures the sustained rate.
            count = measured / 4;
            Console.progress("Warming up with " + count + " events...");
            FeedStats warmUp = writeToKafka(broker.bootstrapServers(), "warmup-");
            count = measured;
            FeedStats stats = writeToKafka(broker.bootstrapServers(), "");
            System.out.printf(java.util.Locale.ROOT, "generator benchmark: %,d events in %.1f s = %,.0f events/s"
                            + " sustained (%.1f MB/s of JSON; %,.0f events/s while warming up) into a local broker,"
                            + " %d partitions per topic, %d cores%n",
                    stats.events(), stats.seconds(), stats.eventsPerSecond(), stats.megabytesPerSecond(),
                    warmUp.eventsPerSecond(), partitions, Runtime.getRuntime().availableProcessors());
        } finally {
            WorkDirectory.delete(directory);
        }
        return ExitCodes.OK;
    }
}
