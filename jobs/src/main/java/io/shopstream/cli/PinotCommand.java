package io.shopstream.cli;

import io.shopstream.events.EventType;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.events.KafkaTopics;
import io.shopstream.freshness.FreshnessProbe;
import io.shopstream.freshness.FreshnessReport;
import io.shopstream.pinot.PinotBroker;
import io.shopstream.pinot.PinotConfigException;
import io.shopstream.pinot.PinotConfigShape;
import io.shopstream.pinot.PinotController;
import io.shopstream.pinot.PinotTable;
import io.shopstream.pinot.QueryResult;
import io.shopstream.pinot.TablesAsCode;
import io.shopstream.sql.TableNames;
import io.shopstream.summary.TopicFigures;
import io.shopstream.variables.Variables;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pinot",
        description = "Pinot tables as code: apply pinot-schemas/ to a controller, query a broker, measure freshness.",
        subcommands = {PinotCommand.Apply.class, PinotCommand.Query.class, PinotCommand.Freshness.class})
final class PinotCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    @Command(name = "apply",
            description = {"Create or update every schema and REALTIME table of pinot-schemas/ on a Pinot controller,"
                    + " idempotently: what agrees is left alone. $${TOPIC_PREFIX} and $${KAFKA_BOOTSTRAP_SERVERS} in the"
                    + " configs come from the profile (or --topic-prefix and --bootstrap-servers). The configs are"
                    + " written for Pinot 0.11 and sent to a Pinot 1.x controller in the 1.x shape"
                    + " (pinot-schemas/README.md)."})
    static final class Apply implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Mixin
        KafkaOptions kafka;

        @Mixin
        PinotConfigOptions configs;

        @Option(names = "--controller", paramLabel = "URL", defaultValue = "http://localhost:9000",
                description = "The Pinot controller (default: ${DEFAULT-VALUE}).")
        URI controller;

        @Option(names = "--dry-run", description = "Print what would change, change nothing.")
        boolean dryRun;

        @Option(names = "--pinot-version", paramLabel = "VERSION",
                description = "The controller's Pinot version (0.11, 1.2, ...), which decides the shape the configs"
                        + " are sent in (default: what the controller's /version says).")
        String pinotVersion;

        @Mixin
        PinotAuthOptions auth;

        @Override
        public Integer call() {
            Variables variables = kafka.variables(common.bundle());
            Map<String, String> placeholders = Map.of(
                    "TOPIC_PREFIX", variables.require("TOPIC_PREFIX"),
                    "KAFKA_BOOTSTRAP_SERVERS", variables.require("KAFKA_BOOTSTRAP_SERVERS"));
            PinotController pinot = new PinotController(controller, auth.authorization(System.getenv()));
            String version = Optional.ofNullable(pinotVersion).or(pinot::version).orElseThrow(() ->
                    new PinotConfigException("the Pinot controller at " + controller + " does not say its version"
                            + " (GET /version lists neither pinot-controller nor pinot-distribution): pass"
                            + " --pinot-version"));
            PinotConfigShape shape = PinotConfigShape.of(version);
            Console.progress("Pinot " + version + " at " + controller + ": configs in the " + shape + " shape");
            List<TablesAsCode.Change> changes = new TablesAsCode(pinot, placeholders, shape)
                    .apply(configs.tables(), dryRun);
            changes.forEach(change -> System.out.println((dryRun ? "would " : "") + change));
            long changed = changes.stream().filter(change -> change.action() != TablesAsCode.Action.UNCHANGED).count();
            Console.progress((dryRun ? "Dry run: " : "") + changed + " of " + changes.size() + " configs "
                    + (dryRun ? "would change" : "changed") + " on " + controller);
            return ExitCodes.OK;
        }
    }

    @Command(name = "query",
            description = {"Run one SQL query on a Pinot broker, through Pinot's Java client, and print the answer as"
                    + " a table.",
                    "A table named without its version (FROM session_metrics) means its latest version in"
                            + " pinot-schemas/ (session_metrics_v3)."})
    static final class Query implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Mixin
        PinotConfigOptions configs;

        @Mixin
        PinotBrokerOptions pinotBroker;

        @Parameters(paramLabel = "SQL", description = "The query, in Pinot's SQL.")
        String sql;

        @Override
        public Integer call() {
            String query = TableNames.rename(sql, PinotTable.latestVersions(configs.tables()));
            if (!query.equals(sql)) {
                Console.progress("Querying: " + query);
            }
            long started = System.nanoTime();
            QueryResult result;
            try (PinotBroker pinot = pinotBroker.connect()) {
                result = pinot.query(query);
            }
            result.table().forEach(System.out::println);
            Console.progress(String.format(Locale.ROOT, "%,d row%s in %d ms", result.rows().size(),
                    result.rows().size() == 1 ? "" : "s", (System.nanoTime() - started) / 1_000_000));
            return ExitCodes.OK;
        }
    }

    @Command(name = "freshness",
            description = {"Measure how fresh Pinot is, end to end: write probe page views, each opening a session of"
                    + " its own, and time each from the end of its minute (when session_metrics revises the session) to"
                    + " its session showing in Pinot's session table (watermark delay, exactly-once commit at the next"
                    + " checkpoint, Pinot's consumption). Needs events flowing, as in `local`: the watermark moves"
                    + " with them.",
                    "Probe sessions are named freshness-probe-... and stay in the data: meant for `local` and test"
                            + " stacks."})
    static final class Freshness implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Mixin
        KafkaOptions kafka;

        @Mixin
        PinotConfigOptions configs;

        @Mixin
        PinotBrokerOptions pinotBroker;

        @Option(names = "--probes", paramLabel = "N", defaultValue = "100",
                description = "How many probe events (default: ${DEFAULT-VALUE}).")
        int probes;

        @Option(names = "--every", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "500ms",
                description = "Time between probes (default: ${DEFAULT-VALUE}).")
        Duration every;

        @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2m",
                description = "How long to wait after the last probe (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws InterruptedException {
            if (probes < 1) {
                throw new InvalidInputException("--probes must be at least 1");
            }
            Variables variables = kafka.variables(common.bundle());
            String sessions = PinotTable.latestVersions(configs.tables()).get(TopicFigures.SESSION_METRICS);
            if (sessions == null) {
                throw new InvalidInputException("no Pinot table for " + TopicFigures.SESSION_METRICS
                        + " in the Pinot configs");
            }
            Console.progress(String.format(Locale.ROOT, "Writing %d probes, one every %d ms, to %s; waiting for"
                    + " them in %s on %s...", probes, every.toMillis(), variables.require("KAFKA_BOOTSTRAP_SERVERS"),
                    sessions, pinotBroker.broker));
            // A clear error now if Kafka is not there, rather than a producer blocking on it.
            KafkaTopics.ensure(variables.require("KAFKA_BOOTSTRAP_SERVERS"),
                    List.of(EventType.PAGE_VIEW.topic(variables.require("TOPIC_PREFIX"))), 1, Duration.ofSeconds(10));
            FreshnessReport report;
            try (KafkaEventWriter writer = new KafkaEventWriter(variables.require("KAFKA_BOOTSTRAP_SERVERS"),
                            variables.require("TOPIC_PREFIX"));
                    PinotBroker pinot = pinotBroker.connect()) {
                report = new FreshnessProbe(writer, pinot, sessions).run(probes, every, timeout, Console::progress);
            }
            System.out.println("Freshness, end of the probe's minute to row visible in Pinot (" + sessions + "): "
                    + report.summary());
            return report.latencies().isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }
}
