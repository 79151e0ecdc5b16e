package io.shopstream.cli;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.trial.PipelineTrial;
import io.shopstream.trial.TrialOutput;
import io.shopstream.variables.Variables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "try",
        description = {"Run one pipeline's real SQL over a file of events and print what it outputs.",
                "Starts a Kafka broker and a Flink cluster of its own, writes the events (one JSON object per line,"
                        + " routed by event_type, keyed by session_id) to the source topics, runs the pipeline until"
                        + " it has read them all, and prints the committed output rows as JSON lines on stdout"
                        + " (for an upsert sink: the final row per key). Progress goes to stderr."})
final class TryCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline: name (its latest version) or name.vN.")
    String pipeline;

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "Events, one JSON object per line.")
    Path events;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "local",
            description = "Profile whose variables the SQL is resolved with (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long the pipeline may run (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() {
        if (partitions < 1) {
            throw new InvalidInputException("--partitions must be at least 1");
        }
        SqlBundle bundle = common.bundle();
        PipelineFile selected = bundle.latest(pipeline);
        Variables variables = Variables.of(bundle.profile(profile), System.getenv());
        long started = System.nanoTime();
        List<TrialOutput> outputs = new PipelineTrial(bundle, variables, partitions,
                Duration.ofSeconds(timeoutSeconds), Console::progress).run(selected, events);
        outputs.forEach(output -> output.rows().forEach(System.out::println));
        System.out.flush();
        Console.progress(String.format("Done: %s in %.1f s", selected.id().jobName(),
                (System.nanoTime() - started) / 1e9));
        return ExitCodes.OK;
    }
}
