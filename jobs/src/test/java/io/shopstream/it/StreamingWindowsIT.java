package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.bundle.AccountingTopics;
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
import io.shopstream.variables.Variables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;

/**
 * A pipeline submitted the way {@code run} submits it, unbounded, on a real broker: a window closes and its row is
 * committed while most partitions and three of the four topics never receive an event, because every source
 * declares an idle timeout. Without it the empty partitions would hold the watermark back forever. An event for that
 * window arriving after it closed is not counted but reported, once, in the late-events topic with how late it was.
 */
class StreamingWindowsIT {

    private static final Instant MINUTE = Instant.parse("2026-11-23T10:15:00Z");

    @Test
    void aWindowClosesAndCommitsWhileEmptyPartitionsAndTopicsStayIdle() throws Exception {
        SharedStack stack = SharedStack.get();
        String prefix = SharedStack.uniquePrefix("streaming");
        SqlBundle bundle = SqlBundle.at(Path.of("..", "sql"));
        Variables variables = stack.variables(bundle, prefix,
                Map.of("SCAN_BOUNDED_MODE", "unbounded", "SOURCE_IDLE_TIMEOUT", "1 s"));
        String output = prefix + "active_users_1m_v1";
        Set<String> topics = new LinkedHashSet<>();
        topics.addAll(EventType.topics(prefix));
        topics.add(output);
        topics.add(AccountingTopics.lateEvents(prefix));
        stack.kafka.createTopics(topics, 3);

        PipelineSubmitter submitter =
                new PipelineSubmitter(bundle, variables, FlinkTarget.rest(stack.flink.restAddress()));
        SubmittedPipeline job = submitter.submit(bundle.latest("active_users_1m"));
        try {
            assertThat(job.id().jobName()).isEqualTo("active_users_1m@v1");
            try (KafkaEventWriter writer = new KafkaEventWriter(stack.kafka.bootstrapServers(), prefix)) {
                // One session, so one partition of one topic: the other eleven partitions stay empty.
                writer.write(pageView("u1", MINUTE.plusSeconds(1), 1));
                writer.write(pageView("u2", MINUTE.plusSeconds(20), 2));
                writer.write(pageView("u3", MINUTE.plusSeconds(59), 3));
                writer.write(pageView("u1", MINUTE.plusSeconds(58), 4));
                // Moves the watermark (event time - 5 s) past the first window's end; its own window stays open.
                writer.write(pageView("u4", MINUTE.plusSeconds(66), 5));
                writer.flush();
            }

            List<String> rows = awaitRows(stack, output, 1, Duration.ofSeconds(90));

            assertThat(rows).containsExactly("{\"window_start\":" + MINUTE.toEpochMilli() + ",\"window_end\":"
                    + MINUTE.plusSeconds(60).toEpochMilli() + ",\"active_users\":3}");
            assertThat(job.job().getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

            try (KafkaEventWriter writer = new KafkaEventWriter(stack.kafka.bootstrapServers(), prefix)) {
                // The first window closed when the watermark reached +61 s (the newest event, +66 s, minus 5 s).
                writer.write(pageView("u5", MINUTE.plusSeconds(30), 6));
                writer.flush();
            }
            List<String> late = awaitRows(stack, AccountingTopics.lateEvents(prefix), 1, Duration.ofSeconds(90));
            assertThat(late).containsExactly("{\"pipeline\":\"active_users_1m.v1\",\"event_id\":\"e6\","
                    + "\"event_type\":\"page_view\",\"session_id\":\"s1\",\"event_time\":"
                    + MINUTE.plusSeconds(30).toEpochMilli() + ",\"window_start\":" + MINUTE.toEpochMilli()
                    + ",\"watermark_time\":" + MINUTE.plusSeconds(61).toEpochMilli() + ",\"late_by_ms\":31000,"
                    + "\"source_topic\":\"" + prefix + "page_view\",\"source_partition\":" + partitionOf(late)
                    + ",\"source_offset\":5}");
            assertThat(awaitRows(stack, output, 1, Duration.ofSeconds(10))).as("the closed window's row, unchanged")
                    .isEqualTo(rows);
        } finally {
            job.job().cancel().get();
        }
    }

    private static List<String> awaitRows(SharedStack stack, String topic, int count, Duration timeout) {
        try (OutputTopicReader reader = new OutputTopicReader(stack.kafka.bootstrapServers())) {
            Optional<List<String>> rows = Deadline.in(timeout).poll(() -> {
                List<String> values = reader.readAll(topic, Duration.ofSeconds(10)).stream()
                        .flatMap(record -> record.value().stream())
                        .toList();
                return values.size() >= count ? Optional.of(values) : Optional.empty();
            });
            return rows.orElseThrow(() -> new AssertionError("no " + count + " committed rows in " + topic
                    + " within " + timeout));
        }
    }

    /** The partition the late record says it was read from: the one of session s1, which the test does not pick. */
    private static String partitionOf(List<String> late) {
        java.util.regex.Matcher partition = java.util.regex.Pattern.compile("\"source_partition\":(\\d+)")
                .matcher(late.get(0));
        assertThat(partition.find()).as(late.get(0)).isTrue();
        return partition.group(1);
    }

    private static OutgoingEvent pageView(String user, Instant time, int sequence) {
        String json = "{\"event_id\":\"e" + sequence + "\",\"event_type\":\"page_view\",\"event_timestamp\":\""
                + time + "\",\"user_id\":\"" + user + "\",\"session_id\":\"s1\",\"device_type\":\"mobile\","
                + "\"os\":\"android\",\"browser\":\"chrome\",\"location\":\"Lyon\",\"page_url\":\"/\","
                + "\"referrer_url\":\"\",\"time_spent\":1.5}";
        return new OutgoingEvent(EventType.PAGE_VIEW, "s1", json, 0, Delivery.ON_TIME);
    }
}
