package io.shopstream.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "shopstream",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Real-time e-commerce analytics: versioned Flink SQL pipelines over Kafka, launched from one"
                + " jar.",
                "Runs as `java -jar shopstream.jar COMMAND` (embedded Flink) or `flink run shopstream.jar COMMAND`."},
        subcommands = {ValidateCommand.class, PlanCommand.class, CheckCommand.class, TryCommand.class,
                RunCommand.class, UpgradeCommand.class, LocalCommand.class, GenerateCommand.class, TailCommand.class,
                CatalogueCommand.class, PinotCommand.class, BenchCommand.class, HelpCommand.class})
final class ShopStreamCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
