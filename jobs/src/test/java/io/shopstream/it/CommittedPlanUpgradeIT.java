package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.Delivery;
import io.shopstream.events.EventType;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.localstack.Deadline;
import io.shopstream.output.OutputTopicReader;
import io.shopstream.submitting.FlinkTarget;
import io.shopstream.submitting.PipelineSubmitter;
import io.shopstream.submitting.SubmittedPipeline;
import io.shopstream.testing.LauncherRun;
import io.shopstream.testing.RepositorySql;
import io.shopstream.variables.Variables;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Committed plans doing what they are for, on a real broker and Flink: {@code session_metrics} runs from its committed
 * plan; stopped with a savepoint, its SQL changed in a way {@code check} says keeps state, {@code plan} refreshed, it
 * resumes from the savepoint with its sessions' counts intact (the aggregate's state found its operator by the id the
 * plan kept). A change planned as a fresh start gets new operator ids, so Flink refuses that savepoint instead of
 * restoring it into operators it does not fit.
 */
class CommittedPlanUpgradeIT {

    private static final Instant START = Instant.parse("2026-11-23T10:15:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] SECONDS_AFTER_START = {0, 1, 2, 3, 70, 80, 130};

    @TempDir
    Path temporary;

    @Test
    void aStatelessChangeResumesFromTheSavepointAndAFreshStartCannot() throws Exception {
        SharedStack stack = SharedStack.get();
        String prefix = SharedStack.uniquePrefix("upgrade");
        Path sql = RepositorySql.copyInto(temporary);
        String output = prefix + "session_metrics_v3";
        Set<String> topics = new LinkedHashSet<>(EventType.topics(prefix));
        topics.add(output);
        stack.kafka.createTopics(topics, 2);
        write(stack, prefix, 1, 4);

        SubmittedPipeline first = submit(stack, sql, prefix, Optional.empty());
        assertThat(awaitEventCount(stack, output, 3)).isEqualTo(3);
        String savepoint = stopWithSavepoint(first, "first");

        RepositorySql.replaceOnce(sql.resolve("pipelines/session_metrics.v3.sql"), "INTERVAL '1' MINUTE))\n",
                "INTERVAL '1' MINUTE))\nWHERE event_type <> 'heartbeat'\n");
        LauncherRun planned = LauncherRun.of("plan", "--sql-dir", sql.toString(), "session_metrics", "--profile",
                "local");
        assertThat(planned.stdout()).as(planned.output()).contains("keeps its state (operator ids kept)");

        SubmittedPipeline resumed = submit(stack, sql, prefix, Optional.of(savepoint));
        write(stack, prefix, 5, 6);
        assertThat(awaitEventCount(stack, output, 5)).as("3 events counted before the savepoint, 2 after")
                .isEqualTo(5);
        assertThat(status(resumed)).isEqualTo(JobStatus.RUNNING);
        String second = stopWithSavepoint(resumed, "second");

        RepositorySql.replaceOnce(sql.resolve("pipelines/session_metrics.v3.sql"),
                "  converted                BOOLEAN,\n",
                "  converted                BOOLEAN,\n  active_minutes           BIGINT,\n");
        RepositorySql.replaceOnce(sql.resolve("pipelines/session_metrics.v3.sql"), "AS converted\n",
                "AS converted,\n  COUNT(*) AS active_minutes\n");
        assertThat(LauncherRun.of("plan", "--sql-dir", sql.toString(), "session_metrics", "--profile", "local",
                "--fresh-start").exitCode()).isZero();

        assertThatThrownBy(() -> submit(stack, sql, prefix, Optional.of(second)))
                .hasStackTraceContaining("Cannot map checkpoint/savepoint state for operator");
    }

    /** Submits session_metrics from its committed plan, restoring from {@code savepoint} if given. */
    private static SubmittedPipeline submit(SharedStack stack, Path sql, String prefix, Optional<String> savepoint) {
        SqlBundle bundle = SqlBundle.at(sql);
        Variables variables = stack.variables(bundle, prefix, Map.of());
        FlinkTarget cluster = FlinkTarget.rest(stack.flink.restAddress());
        FlinkTarget target = settings -> {
            Configuration configuration = new Configuration(settings);
            savepoint.ifPresent(path -> configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, path));
            return cluster.environment(configuration);
        };
        return PipelineSubmitter.fromCommittedPlans(bundle, variables, target).submit(bundle.latest("session_metrics"));
    }

    private String stopWithSavepoint(SubmittedPipeline job, String name) throws Exception {
        Deadline.in(Duration.ofSeconds(60)).until(() -> status(job) == JobStatus.RUNNING);
        return job.job().stopWithSavepoint(false, temporary.resolve(name).toUri().toString(),
                SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);
    }

    private static JobStatus status(SubmittedPipeline job) {
        try {
            return job.job().getJobStatus().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long eventCount(String row) {
        try {
            return JSON.readTree(row).path("event_count").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(row, e);
        }
    }

    /**
     * Page views {@code from} to {@code to} of one session: 1 to 3 in its first minute, 4 and 5 in the next, 6 in the
     * one after. Each minute's revision is written once the watermark passes its end, so once the next minute's
     * first event (4, then 6) is read: 3 events are counted after the first four, 5 after all six.
     */
    private static void write(SharedStack stack, String prefix, int from, int to) {
        try (KafkaEventWriter writer = new KafkaEventWriter(stack.kafka.bootstrapServers(), prefix)) {
            for (int sequence = from; sequence <= to; sequence++) {
                Instant eventTime = START.plusSeconds(SECONDS_AFTER_START[sequence]);
                String json = "{\"event_id\":\"e" + sequence + "\",\"event_type\":\"page_view\",\"event_timestamp\":\""
                        + eventTime + "\",\"user_id\":\"u1\",\"session_id\":\"s1\","
                        + "\"device_type\":\"mobile\",\"os\":\"android\",\"browser\":\"chrome\",\"location\":\"Lyon\","
                        + "\"page_url\":\"/\",\"referrer_url\":\"\",\"time_spent\":1.5}";
                writer.write(new OutgoingEvent(EventType.PAGE_VIEW, "s1", json, 0, Delivery.ON_TIME));
            }
            writer.flush();
        }
    }

    /** The session's committed event_count once it reaches {@code expected} (or what it was at the deadline). */
    private static long awaitEventCount(SharedStack stack, String topic, long expected) {
        try (OutputTopicReader reader = new OutputTopicReader(stack.kafka.bootstrapServers())) {
            long[] last = {-1};
            Deadline.in(Duration.ofSeconds(90)).poll(() -> {
                List<String> rows = OutputTopicReader.finalValuesByKey(reader.readAll(topic, Duration.ofSeconds(5)));
                for (String row : rows) {
                    last[0] = eventCount(row);
                }
                return last[0] == expected ? Optional.of(last[0]) : Optional.empty();
            });
            return last[0];
        }
    }
}
