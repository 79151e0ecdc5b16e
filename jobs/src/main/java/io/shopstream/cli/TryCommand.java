package io.shopstream.cli;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.trial.PipelineTrial;
import io.shopstream.trial.TrialResult;
import io.shopstream.variables.Variables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
                        + " (for an upsert sink: the final row per key). Progress goes to stderr.",
                "Malformed lines are written too: the dead_letters pipeline runs beside the pipeline and turns each"
                        + " into one dead-letter record (--dead-letters); events that arrive after their window has"
                        + " closed are late events (--late-events). Neither is printed with the results."})
final class TryCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline: name (its latest version) or name.vN.")
    String pipeline;

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "Events, one JSON object per line.")
    Path events;

    @Option(names = "--dead-letters", paramLabel = "FILE",
            description = "Write the run's dead-letter records (malformed lines) to FILE, one JSON object per line.")
    Path deadLetters;

    @Option(names = "--late-events", paramLabel = "FILE",
            description = "Write the run's late-event records to FILE, one JSON object per line.")
    Path lateEvents;

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
        TrialResult result = new PipelineTrial(bundle, variables, partitions,
                Duration.ofSeconds(timeoutSeconds), Console::progress).run(selected, events);
        writeLines(deadLetters, result.deadLetters(), "dead-letter records");
        writeLines(lateEvents, result.lateEvents(), "late-event records");
        result.outputs().forEach(output -> output.rows().forEach(System.out::println));
        System.out.flush();
        Console.progress(String.format("Done: %s in %.1f s", selected.id().jobName(),
                (System.nanoTime() - started) / 1e9));
        return ExitCodes.OK;
    }

    private static void writeLines(Path file, List<String> lines, String what) {
        if (file == null) {
            return;
        }
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + file + ": " + e.getMessage());
        }
        Console.progress("Wrote " + lines.size() + " " + what + " to " + file);
    }
}
