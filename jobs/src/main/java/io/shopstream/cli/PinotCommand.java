package io.shopstream.cli;

import io.shopstream.pinot.PinotController;
import io.shopstream.pinot.PinotTable;
import io.shopstream.pinot.TablesAsCode;
import io.shopstream.variables.Variables;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pinot",
        description = "Pinot tables as code: apply pinot-schemas/ to a controller.",
        subcommands = PinotCommand.Apply.class)
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
                    + " configs come from the profile (or --topic-prefix and --bootstrap-servers)."})
    static final class Apply implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Mixin
        KafkaOptions kafka;

        @Option(names = "--controller", paramLabel = "URL", defaultValue = "http://localhost:9000",
                description = "The Pinot controller (default: ${DEFAULT-VALUE}).")
        URI controller;

        @Option(names = "--dry-run", description = "Print what would change, change nothing.")
        boolean dryRun;

        @Option(names = "--pinot-dir", paramLabel = "DIR", defaultValue = "pinot-schemas",
                description = "The table configs, one folder per table (default: ./${DEFAULT-VALUE}).")
        Path pinotDirectory;

        @Override
        public Integer call() {
            if (!Files.isDirectory(pinotDirectory)) {
                throw new InvalidInputException(pinotDirectory.toAbsolutePath() + " is not a directory of Pinot"
                        + " configs (--pinot-dir)");
            }
            Variables variables = kafka.variables(common.bundle());
            Map<String, String> placeholders = Map.of(
                    "TOPIC_PREFIX", variables.require("TOPIC_PREFIX"),
                    "KAFKA_BOOTSTRAP_SERVERS", variables.require("KAFKA_BOOTSTRAP_SERVERS"));
            List<TablesAsCode.Change> changes = new TablesAsCode(new PinotController(controller), placeholders)
                    .apply(PinotTable.loadAll(pinotDirectory), dryRun);
            changes.forEach(change -> System.out.println((dryRun ? "would " : "") + change));
            long changed = changes.stream().filter(change -> change.action() != TablesAsCode.Action.UNCHANGED).count();
            Console.progress((dryRun ? "Dry run: " : "") + changed + " of " + changes.size() + " configs "
                    + (dryRun ? "would change" : "changed") + " on " + controller);
            return ExitCodes.OK;
        }
    }
}
