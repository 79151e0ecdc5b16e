package io.shopstream.cli;

import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.KafkaUnavailableException;
import io.shopstream.output.RecordLine;
import io.shopstream.output.TopicFollower;
import io.shopstream.variables.Variables;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tail",
        description = {"Print an output topic's rows as they arrive, one line per record, until Ctrl-C or --max"
                + " records.",
                "Reads committed rows only (read_committed, as the topic's consumers must): rows of aborted or still"
                        + " open transactions never show. Joins no consumer group and commits no offsets.",
                "A line is the record's JSON value as written, except that times (fields ending in _time, _start or"
                        + " _end holding epoch milliseconds) show as UTC text:"
                        + " \"window_start\":\"2026-11-23 20:00:00\". A record with a key (upsert topics) shows the"
                        + " key first, KEY -> VALUE; a deleted key shows as KEY -> (deleted)."})
final class TailCommand implements Callable<Integer> {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "TOPIC",
            description = "A topic, or a pipeline (name for its latest version, or name.vN) for its output topic"
                    + " under the profile's TOPIC_PREFIX.")
    String topicArgument;

    @Option(names = "--from-beginning",
            description = "Start at the earliest record of every partition (default: at the end, new rows only).")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records (default: run until Ctrl-C).")
    Long max;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw new InvalidInputException("--max must be at least 1");
        }
        SqlBundle bundle = common.bundle();
        Variables variables = kafka.variables(bundle);
        TopicReference reference = TopicReference.resolve(topicArgument, bundle, variables);
        String servers = variables.require("KAFKA_BOOTSTRAP_SERVERS");
        reference.pipeline().ifPresent(pipeline -> Console.progress("Pipeline " + pipeline + " writes to topic "
                + reference.topic() + " with profile " + kafka.profile + "."));
        TopicFollower follower = connect(servers);
        // Ctrl-C stops the polling, and the JVM waits until the consumer is closed, so the last row is printed whole.
        try (ShutdownSignal signal = ShutdownSignal.onShutdown(follower::stop); follower) {
            if (!follower.topics().contains(reference.topic())) {
                throw new InvalidInputException(reference.notFound(servers, follower.topics()));
            }
            follower.start(reference.topic(), fromBeginning ? TopicFollower.From.BEGINNING : TopicFollower.From.END);
            Console.progress("Following " + reference.topic() + " on " + servers + " from the "
                    + (fromBeginning ? "beginning" : "end") + (max != null ? ", for " + max + " records" : "")
                    + "; Ctrl-C stops.");
            long shown = follow(follower);
            Console.progress("Shown " + shown + (shown == 1 ? " record" : " records") + " of " + reference.topic()
                    + ".");
            return ExitCodes.OK;
        }
    }

    private long follow(TopicFollower follower) {
        PrintStream out = System.out;
        return follower.follow(max != null ? max : Long.MAX_VALUE, record -> {
            out.println(RecordLine.of(record));
            // checkError flushes, so a pipe (| grep) sees each row at once, and says when the reader has gone
            // (| head), which would otherwise go unnoticed: a PrintStream swallows its write errors.
            if (out.checkError()) {
                follower.stop();
            }
        });
    }

    private TopicFollower connect(String servers) {
        try {
            return TopicFollower.connect(servers, CONNECT_TIMEOUT);
        } catch (KafkaUnavailableException e) {
            throw new LauncherException(e.getMessage() + ("local".equals(kafka.profile) ? "; is `local` running?"
                    : "; check the address (--bootstrap-servers, or KAFKA_BOOTSTRAP_SERVERS of profile " + kafka.profile
                            + ")"), e);
        }
    }
}
