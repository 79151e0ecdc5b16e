package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.bundle.AccountingTopics;
import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.EventType;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.generator.EventGenerator;
import io.shopstream.generator.GeneratorSettings;
import io.shopstream.localstack.Deadline;
import io.shopstream.localstack.StandaloneFlinkCluster;
import io.shopstream.testing.LauncherRun;
import io.shopstream.testing.RepositorySql;
import io.shopstream.upgrading.FlinkJob;
import io.shopstream.upgrading.JobManagerClient;
import io.shopstream.upgrading.SavepointStatus;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.Variables;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under failure, on real processes: every pipeline runs from its committed plan on a standalone Flink
 * session cluster (submitted with {@code flink run}), with exactly-once Kafka sinks on a real broker and RocksDB with
 * incremental checkpoints (prod's backend), while the TaskManager JVM is killed with SIGKILL several times at seeded
 * random points of the input, and a new one started as a supervisor would. Half of the kills land the moment the
 * JobManager logs that a checkpoint of {@code session_metrics} completed: before the TaskManager's committer has
 * committed that checkpoint's Kafka transaction, if the kill is quick enough, which the broker's view of that
 * transaction then tells (still open when the TaskManager is dead = the window was hit; committed later by the
 * restored job = recovered). At the end the read_committed output is compared with the reference model computed from
 * the input: no duplicate, no missing row, every value exact. The figures are printed.
 */
class TaskManagerFailuresIT {

    private static final long SEED = 20261127L;
    private static final int EVENTS = 6_000;
    /** The local profile's WATERMARK_DELAY, which the test's profile keeps. */
    private static final Duration WATERMARK_DELAY = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FAILURES = 4;
    /** 6,000 events in a minute: every checkpoint interval has output, and the failures land mid-stream. */
    private static final int EVENTS_PER_SECOND = 100;
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final List<String> PIPELINES = List.of("active_users_1m", "product_metrics_1m", "session_metrics");
    private static final String PROFILE = "failure-test";
    private static final Pattern CHECKPOINT_TRIGGERED =
            Pattern.compile("Triggering checkpoint (\\d+) .* for job ([0-9a-f]{32})");
    private static final Pattern CHECKPOINT_COMPLETED =
            Pattern.compile("Completed checkpoint (\\d+) for job ([0-9a-f]{32})");
    private static final String NESTED_RUNTIMES = "META-INF/shopstream/runtimes/";

    enum Kill { AT_A_RANDOM_EVENT, AFTER_A_CHECKPOINT_COMPLETES }

    record Failure(int afterEvents, Kill kill) {}

    @Test
    void killedTaskManagersLoseAndDuplicateNothing(@TempDir Path work) throws Exception {
        long started = System.nanoTime();
        SharedStack stack = SharedStack.get();
        String prefix = SharedStack.uniquePrefix("failures");
        Path sql = sqlWithTestProfile(work);
        SqlBundle bundle = SqlBundle.at(sql);
        Map<String, String> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.kafka.bootstrapServers(),
                "TOPIC_PREFIX", prefix,
                "CHECKPOINT_INTERVAL", "1 s");
        Variables variables = Variables.of(bundle.profile(PROFILE), environment);
        Map<String, String> outputTopics = new TreeMap<>();
        Map<String, String> consumerGroups = new TreeMap<>();
        Map<String, String> transactionalIds = new TreeMap<>();
        for (String name : PIPELINES) {
            PipelineFile file = bundle.latest(name);
            Map<String, String> own = PipelineVariables.of(file.id(), variables);
            outputTopics.put(name, own.get(PipelineVariables.OUTPUT_TOPIC));
            consumerGroups.put(name, own.get("CONSUMER_GROUP"));
            transactionalIds.put(name, own.get(PipelineVariables.TRANSACTIONAL_ID_PREFIX));
        }
        Set<String> topics = new LinkedHashSet<>(EventType.topics(prefix));
        topics.addAll(outputTopics.values());
        stack.kafka.createTopics(topics, 4);

        List<OutgoingEvent> events = new ArrayList<>();
        EventGenerator.ofCount(GeneratorSettings.defaults(SEED), EVENTS).forEachRemaining(events::add);
        List<Failure> failures = failurePlan(new Random(SEED));
        TreeSet<Integer> minuteClosings = minuteClosings(events, 4);
        System.out.printf("%s TaskManagerFailuresIT: seed %d, %d events, failures %s%n", elapsed(started), SEED, EVENTS,
                failures);

        Path jar = jarAsFlinkRunSeesIt(work);
        Path client = Files.createDirectories(work.resolve("client"));
        int killed = 0;
        List<String> windowReport = new ArrayList<>();
        int windowsHit = 0;
        try (StandaloneFlinkCluster flink = StandaloneFlinkCluster.start(work.resolve("flink"), 0, 4, environment);
                KafkaEventWriter writer = new KafkaEventWriter(stack.kafka.bootstrapServers(), prefix);
                JobManagerLog log = new JobManagerLog(flink.jobManagerLog());
                Admin admin = stack.kafka.admin()) {
            JobManagerClient rest = new JobManagerClient(flink.restAddress());
            FlinkCli cli = new FlinkCli(flink.configDirectory(), environment);
            FlinkCli.Result submitted = cli.run(client, STEP, "run", "-d", jar.toString(), "run", "--profile",
                    PROFILE, "--sql-dir", sql.toString());
            assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
            Map<String, String> jobs = awaitRunning(rest);
            System.out.printf("%s jobs running: %s%n", elapsed(started), jobs);
            assertRocksDb(flink.restAddress(), jobs.values());

            Map<String, Integer> checkpointsBefore = completedCheckpoints(rest, jobs);
            try (PacedWriter feed = PacedWriter.start(writer, events, EVENTS_PER_SECOND)) {
                for (int i = 0; i < failures.size(); i++) {
                    Failure failure = failures.get(i);
                    int next = i + 1 < failures.size() ? failures.get(i + 1).afterEvents() : EVENTS;
                    feed.holdAt(failure.afterEvents());
                    // Each failure strikes jobs that run again: restored, and checkpointing since the last one.
                    awaitCheckpointsAfter(rest, jobs, checkpointsBefore);
                    int at = feed.awaitWritten(failure.afterEvents(), STEP);
                    if (failure.kill() == Kill.AT_A_RANDOM_EVENT) {
                        long pid = flink.killTaskManager();
                        feed.holdAt(next);
                        checkpointsBefore = completedCheckpoints(rest, jobs);
                        System.out.printf("%s failure %d: killed TaskManager pid %d after event %d%n",
                                elapsed(started), ++killed, pid, at);
                        flink.startTaskManager();
                        continue;
                    }
                    // session_metrics writes a minute's revisions once the watermark passes the minute's end. The
                    // feed stops at the event that moves it there; the revisions land in the open transaction within
                    // moments of it being read, most often before the next checkpoint is triggered, so that
                    // checkpoint's transaction holds them: the kill comes as it completes, before the commit.
                    int closing = minuteClosings.ceiling(failure.afterEvents());
                    feed.holdAt(closing);
                    feed.awaitWritten(closing, STEP);
                    log.skipToEnd();
                    feed.holdAt(closing + 1);
                    feed.awaitWritten(closing + 1, STEP);
                    String sessionJob = jobs.get("session_metrics");
                    long flowing = Long.parseLong(awaitLine(log, CHECKPOINT_TRIGGERED, sessionJob).group(1));
                    Matcher completed = awaitLine(log, CHECKPOINT_COMPLETED, sessionJob);
                    while (Long.parseLong(completed.group(1)) < flowing) {
                        completed = awaitLine(log, CHECKPOINT_COMPLETED, sessionJob);
                    }
                    long pid = flink.killTaskManager();
                    long checkpoint = Long.parseLong(completed.group(1));
                    String sessionTransactions = transactionalIds.get("session_metrics");
                    TreeMap<Long, TransactionState> atKill = transactions(admin, sessionTransactions);
                    assertThat(atKill).as("transactions of " + sessionTransactions).isNotEmpty();
                    checkpointsBefore = completedCheckpoints(rest, jobs);
                    // The newest transaction is the one begun at the checkpoint's barrier; one still open below it
                    // belongs to the completed checkpoint, which the TaskManager died before committing.
                    Optional<Long> open = atKill.headMap(atKill.lastKey()).entrySet().stream()
                            .filter(entry -> entry.getValue() == TransactionState.ONGOING)
                            .map(Map.Entry::getKey).reduce((first, second) -> second);
                    String transaction = sessionTransactions + "-0-" + open.orElse(atKill.lastKey());
                    windowsHit += open.isPresent() ? 1 : 0;
                    System.out.printf("%s failure %d: killed TaskManager pid %d after event %d, as checkpoint %d of"
                            + " session_metrics completed; its transactions at the kill (number: state): %s%n",
                            elapsed(started), ++killed, pid, feed.written(), checkpoint, atKill.tailMap(
                                    atKill.lastKey() - 3));
                    feed.holdAt(next);
                    flink.startTaskManager();
                    String outcome = "none open below the newest, " + transaction + " (committed, or no rows)";
                    if (open.isPresent()) {
                        // The restored job's committer commits what the checkpoint recorded: the transaction the
                        // dead TaskManager left open.
                        boolean recovered = Deadline.in(STEP).until(() -> transactions(admin, sessionTransactions)
                                .get(open.get()) == TransactionState.COMPLETE_COMMIT);
                        assertThat(recovered).as(transaction + " committed by the restored job").isTrue();
                        outcome = "open at the kill, committed by the restored job";
                    }
                    windowReport.add(open.isPresent() ? transaction + ": " + outcome : outcome);
                }
                feed.awaitWritten(EVENTS, STEP);
            }
            System.out.printf("%s all %d events written%n", elapsed(started), EVENTS);
            awaitCheckpointsAfter(rest, jobs, checkpointsBefore);
            ConsumedInput.await(admin, consumerGroups.values(), EventType.topics(prefix), 4, STEP);
            // Draining sends the final watermark first: every window still open closes and is committed.
            for (String id : jobs.values()) {
                stopWithSavepoint(rest, id);
            }
            System.out.printf("%s jobs drained; failovers per job: %s%n", elapsed(started),
                    FlinkRest.failovers(flink.restAddress(), jobs));
            assertIncrementalCheckpoints(flink.restAddress(), jobs.get("session_metrics"));
        }

        List<String> lines = events.stream().map(OutgoingEvent::json).toList();
        OutputAudit.Figures figures = OutputAudit.audit(stack.kafka.bootstrapServers(), outputTopics, lines);
        System.out.printf("TaskManagerFailuresIT figures: events %d, failures injected %d (TaskManager killed with"
                + " SIGKILL; %d of %d between a checkpoint's completion and its commit: %s), %s; took %d s%n",
                EVENTS, killed, windowsHit, windowReport.size(), windowReport, figures,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(killed).isEqualTo(FAILURES);
        OutputAudit.assertExact(stack.kafka.bootstrapServers(), outputTopics, lines);
        assertThat(figures.duplicates()).as("duplicates").isZero();
        assertThat(figures.missing()).as("missing").isZero();
        assertThat(figures.wrong()).as("wrong").isZero();
    }

    /**
     * The positions of the events that move the sources' watermark past the end of a minute, so that once such an
     * event is read, windows and session revisions of that minute are written. The watermark is the smallest of every
     * source partition's newest event time, less the delay: it is followed here partition by partition, as the
     * producer's partitioner places the events ({@code partitions} per topic, keyed by session).
     */
    private static TreeSet<Integer> minuteClosings(List<OutgoingEvent> events, int partitions) throws IOException {
        Map<String, Long> newestByPartition = new HashMap<>();
        int allPartitions = EventType.values().length * partitions;
        TreeSet<Integer> closings = new TreeSet<>();
        long closedUpTo = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            OutgoingEvent event = events.get(i);
            int partition = Utils.toPositive(Utils.murmur2(event.key().getBytes(StandardCharsets.UTF_8))) % partitions;
            String timestamp = JSON.readTree(event.json()).get("event_timestamp").asText();
            long eventTime = OffsetDateTime.parse(timestamp).toInstant().toEpochMilli();
            newestByPartition.merge(event.topic() + "/" + partition, eventTime, Math::max);
            if (newestByPartition.size() == allPartitions) {
                long watermark = Collections.min(newestByPartition.values()) - WATERMARK_DELAY.toMillis();
                long minuteEnd = watermark - Math.floorMod(watermark, 60_000L);
                if (minuteEnd > closedUpTo) {
                    closings.add(i);
                    closedUpTo = minuteEnd;
                }
            }
        }
        return closings;
    }

    /**
     * {@link #FAILURES} kills at distinct event positions between the first and the last eighth of the input, half of
     * them waiting for a checkpoint to complete, in an order the seed decides.
     */
    private static List<Failure> failurePlan(Random random) {
        TreeSet<Integer> positions = new TreeSet<>();
        while (positions.size() < FAILURES) {
            positions.add(EVENTS / 8 + random.nextInt(EVENTS * 3 / 4));
        }
        List<Kill> kills = new ArrayList<>();
        for (int i = 0; i < FAILURES; i++) {
            kills.add(i % 2 == 0 ? Kill.AT_A_RANDOM_EVENT : Kill.AFTER_A_CHECKPOINT_COMPLETES);
        }
        Collections.shuffle(kills, random);
        List<Failure> plan = new ArrayList<>();
        int i = 0;
        for (int position : positions) {
            plan.add(new Failure(position, kills.get(i++)));
        }
        return plan;
    }

    /**
     * The repository's SQL with a profile of this test, planned with {@code plan}: the local profile's values with
     * prod's state backend (RocksDB, incremental checkpoints), and sources that never count as idle: while the jobs
     * are down the input piles up, and a partition read ahead of the others must not carry the watermark past
     * events not yet read (late by design, but then the output would not be the reference's).
     */
    private static Path sqlWithTestProfile(Path work) throws IOException {
        Path sql = RepositorySql.copyInto(work);
        Path profile = sql.resolve("profiles").resolve(PROFILE + ".properties");
        Files.copy(sql.resolve("profiles").resolve("local.properties"), profile);
        RepositorySql.replaceOnce(profile, "SOURCE_IDLE_TIMEOUT=10 s", "SOURCE_IDLE_TIMEOUT=1 h");
        RepositorySql.replaceOnce(profile, "flink.state.backend.type=hashmap",
                "flink.state.backend.type=rocksdb\nflink.execution.checkpointing.incremental=true");
        LauncherRun planned = LauncherRun.of("plan", "--sql-dir", sql.toString(), "--profile", PROFILE);
        assertThat(planned.exitCode()).as(planned.stdout() + planned.stderr()).isZero();
        return sql;
    }

    /**
     * The bundle jar without the nested runtimes that only {@code java -jar} uses and {@code flink run} ignores: the
     * same classes and SQL as the cluster sees them, 20 MB instead of 390, which every job (and every replacement
     * TaskManager) would otherwise fetch from the blob server.
     */
    private static Path jarAsFlinkRunSeesIt(Path work) throws IOException {
        Path jar = work.resolve("shopstream-for-flink-run.jar");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(BundleJar.path()));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().startsWith(NESTED_RUNTIMES)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String elapsed(long started) {
        return String.format("[%5.1f s]", (System.nanoTime() - started) / 1e9);
    }

    private static Map<String, Integer> completedCheckpoints(JobManagerClient rest, Map<String, String> jobs) {
        Map<String, Integer> counts = new TreeMap<>();
        jobs.forEach((name, id) -> counts.put(name, rest.checkpoints(id).completed()));
        return counts;
    }

    /** Waits until every job has completed a checkpoint since {@code before}: it runs and commits again. */
    private static void awaitCheckpointsAfter(JobManagerClient rest, Map<String, String> jobs,
            Map<String, Integer> before) {
        boolean checkpointing = Deadline.in(STEP).until(() -> {
            Map<String, Integer> now = completedCheckpoints(rest, jobs);
            return now.keySet().stream().allMatch(name -> now.get(name) > before.get(name));
        });
        assertThat(checkpointing).as("every job checkpoints again within " + STEP).isTrue();
    }

    /** The next line of the JobManager's log matching {@code pattern} whose second group is {@code jobId}. */
    private static Matcher awaitLine(JobManagerLog log, Pattern pattern, String jobId) {
        Deadline deadline = Deadline.in(STEP);
        while (!deadline.passed()) {
            Optional<Matcher> line = log.awaitLine(pattern, deadline.remaining());
            if (line.isPresent() && line.get().group(2).equals(jobId)) {
                return line.get();
            }
        }
        throw new AssertionError("no line like '" + pattern + "' for job " + jobId + " within " + STEP);
    }

    /**
     * The broker's transactions of the sink with {@code prefix}, subtask 0, by the number the Kafka sink gives them
     * ({@code <prefix>-<subtask>-<number>}, the number counting checkpoints), with their states.
     */
    private static TreeMap<Long, TransactionState> transactions(Admin admin, String prefix) {
        TreeMap<Long, TransactionState> states = new TreeMap<>();
        try {
            for (TransactionListing listing : admin.listTransactions().all().get()) {
                String id = listing.transactionalId();
                if (id.startsWith(prefix + "-0-")) {
                    states.put(Long.parseLong(id.substring(prefix.length() + 3)), listing.state());
                }
            }
        } catch (ExecutionException e) {
            throw new AssertionError("the broker did not list its transactions: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return states;
    }

    /** The RUNNING job of each pipeline {@code run} submits (dead_letters too), by name, once every one runs. */
    private static Map<String, String> awaitRunning(JobManagerClient rest) {
        return Deadline.in(STEP).poll(() -> {
            Map<String, String> running = new TreeMap<>();
            for (FlinkJob job : rest.jobs()) {
                if (job.isRunning()) {
                    running.put(job.name().substring(0, job.name().indexOf('@')), job.id());
                }
            }
            Set<String> submitted = new HashSet<>(PIPELINES);
            submitted.add(AccountingTopics.DEAD_LETTERS_PIPELINE);
            return running.keySet().equals(submitted) ? Optional.of(running) : Optional.empty();
        }).orElseThrow(() -> new AssertionError("not every pipeline RUNNING within " + STEP + ": " + rest.jobs()));
    }

    /** Prod's state backend runs, with the checkpoint failures this project tolerates. */
    private static void assertRocksDb(URI rest, Iterable<String> jobs) {
        for (String job : jobs) {
            JsonNode config = FlinkRest.get(rest, "/jobs/" + job + "/checkpoints/config");
            assertThat(config.path("state_backend").asText()).as(job).isEqualTo("EmbeddedRocksDBStateBackend");
            assertThat(config.path("tolerable_failed_checkpoints").asInt()).as(job).isEqualTo(3);
        }
    }

    /**
     * RocksDB's checkpoints are incremental: some checkpoint of the job persisted less than its whole state (the
     * files of earlier checkpoints are referenced, not uploaded again).
     */
    private static void assertIncrementalCheckpoints(URI rest, String job) {
        List<String> sizes = new ArrayList<>();
        boolean incremental = false;
        for (JsonNode checkpoint : FlinkRest.get(rest, "/jobs/" + job + "/checkpoints").path("history")) {
            if (checkpoint.path("status").asText().equals("COMPLETED")) {
                long persisted = checkpoint.path("checkpointed_size").asLong();
                long full = checkpoint.path("state_size").asLong();
                sizes.add(persisted + "/" + full);
                incremental |= persisted < full;
            }
        }
        System.out.println("session_metrics checkpoints, persisted/full bytes: " + sizes);
        assertThat(incremental).as("an incremental checkpoint among " + sizes).isTrue();
    }

    private static void stopWithSavepoint(JobManagerClient rest, String jobId) {
        String request = rest.stopWithSavepoint(jobId, Optional.empty(), true);
        SavepointStatus status = Deadline.in(STEP).poll(() -> Optional.of(rest.savepointStatus(jobId, request))
                .filter(SavepointStatus::completed)).orElseThrow(() -> new AssertionError("no savepoint of " + jobId));
        assertThat(status.failure()).as("savepoint of " + jobId).isEmpty();
        assertThat(Deadline.in(STEP).until(() -> rest.job(jobId).state().equals("FINISHED")))
                .as(jobId + " FINISHED after its savepoint").isTrue();
    }
}
