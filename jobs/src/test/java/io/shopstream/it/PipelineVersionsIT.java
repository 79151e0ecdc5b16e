package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.TransactionListing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two versions of a pipeline side by side, as an analyst gets them by copying {@code active_users_1m.v1.sql} to
 * {@code .v2.sql} with a 5-minute window: {@code plan} adds v2's plan and leaves v1's alone, and both run from their
 * committed plans as jobs {@code active_users_1m@v1} and {@code @v2}, each with its own output topic, consumer group
 * and transactional ids, all named from the file name.
 */
class PipelineVersionsIT {

    private static final Instant START = Instant.parse("2026-11-23T10:15:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temporary;

    @Test
    void twoVersionsRunSideBySideUnderTheirOwnNames() throws Exception {
        SharedStack stack = SharedStack.get();
        String prefix = SharedStack.uniquePrefix("versions");
        Path sql = RepositorySql.copyInto(temporary);
        Files.writeString(sql.resolve("pipelines/active_users_1m.v2.sql"),
                Files.readString(sql.resolve("pipelines/active_users_1m.v1.sql"))
                        .replace("INTERVAL '1' MINUTE", "INTERVAL '5' MINUTE"));

        LauncherRun planned = LauncherRun.of("plan", "--sql-dir", sql.toString(), "active_users_1m", "--profile",
                "local");

        assertThat(planned.stdout()).as(planned.output())
                .contains("same     " + sql + "/plans/local/active_users_1m.v1.json\n",
                        "new      " + sql + "/plans/local/active_users_1m.v2.json\n");

        Set<String> topics = new LinkedHashSet<>(EventType.topics(prefix));
        topics.add(prefix + "active_users_1m_v1");
        topics.add(prefix + "active_users_1m_v2");
        stack.kafka.createTopics(topics, 1);
        SqlBundle bundle = SqlBundle.at(sql);
        Variables variables = stack.variables(bundle, prefix, Map.of());
        PipelineSubmitter submitter = PipelineSubmitter.fromCommittedPlans(bundle, variables,
                FlinkTarget.rest(stack.flink.restAddress()));
        List<SubmittedPipeline> jobs = new ArrayList<>();
        try {
            jobs.add(submitter.submit(bundle.select(List.of("active_users_1m.v1")).get(0)));
            jobs.add(submitter.submit(bundle.select(List.of("active_users_1m.v2")).get(0)));
            writePageViews(stack, prefix);

            assertThat(windows(stack, prefix + "active_users_1m_v1", 6)).as("1-minute windows of v1")
                    .allSatisfy(window -> assertThat(window).isEqualTo(60_000L));
            assertThat(windows(stack, prefix + "active_users_1m_v2", 1)).as("a 5-minute window of v2")
                    .containsExactly(300_000L);
            assertThat(runningJobNames(stack)).contains("active_users_1m@v1", "active_users_1m@v2");
            String v1 = "shopstream.local." + prefix + "active_users_1m_v1";
            String v2 = "shopstream.local." + prefix + "active_users_1m_v2";
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.kafka.bootstrapServers()))) {
                assertThat(Deadline.in(Duration.ofSeconds(60)).until(() -> consumerGroups(admin).containsAll(
                        List.of(v1, v2)))).as("consumer groups %s", consumerGroups(admin)).isTrue();
                assertThat(Deadline.in(Duration.ofSeconds(60)).until(() -> transactionalIds(admin).stream()
                        .anyMatch(id -> id.startsWith(v1 + "-")) && transactionalIds(admin).stream()
                        .anyMatch(id -> id.startsWith(v2 + "-")))).as("transactional ids %s", transactionalIds(admin))
                        .isTrue();
            }
        } finally {
            for (SubmittedPipeline job : jobs) {
                job.job().cancel().get(1, TimeUnit.MINUTES);
            }
        }
    }

    /** A page view every 10 s from 10:15:00 to 10:21:00, then one at 10:21:30 that closes v2's first window. */
    private static void writePageViews(SharedStack stack, String prefix) {
        try (KafkaEventWriter writer = new KafkaEventWriter(stack.kafka.bootstrapServers(), prefix)) {
            for (int second = 0; second <= 390; second += second < 360 ? 10 : 30) {
                String json = "{\"event_id\":\"e" + second + "\",\"event_type\":\"page_view\",\"event_timestamp\":\""
                        + START.plusSeconds(second) + "\",\"user_id\":\"u" + (second % 7) + "\",\"session_id\":\"s1\","
                        + "\"device_type\":\"mobile\",\"os\":\"android\",\"browser\":\"chrome\",\"location\":\"Lyon\","
                        + "\"page_url\":\"/\",\"referrer_url\":\"\",\"time_spent\":1.5}";
                writer.write(new OutgoingEvent(EventType.PAGE_VIEW, "s1", json, 0, Delivery.ON_TIME));
            }
            writer.flush();
        }
    }

    /** The lengths (window_end - window_start) of the first {@code count} committed windows of a topic. */
    private static List<Long> windows(SharedStack stack, String topic, int count) {
        try (OutputTopicReader reader = new OutputTopicReader(stack.kafka.bootstrapServers())) {
            Optional<List<Long>> lengths = Deadline.in(Duration.ofSeconds(120)).poll(() -> {
                TreeMap<Long, Long> windows = new TreeMap<>();
                reader.readAll(topic, Duration.ofSeconds(5)).stream()
                        .flatMap(record -> record.value().stream())
                        .map(PipelineVersionsIT::json)
                        .forEach(row -> windows.put(row.path("window_start").asLong(),
                                row.path("window_end").asLong() - row.path("window_start").asLong()));
                return windows.size() >= count ? Optional.of(List.copyOf(windows.values()).subList(0, count))
                        : Optional.empty();
            });
            return lengths.orElseThrow(() -> new AssertionError("no " + count + " windows in " + topic));
        }
    }

    private static List<String> runningJobNames(SharedStack stack) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.flink.restAddress() + "/jobs/overview")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> names = new ArrayList<>();
        for (JsonNode job : JSON.readTree(response.body()).path("jobs")) {
            if (job.path("state").asText().equals("RUNNING")) {
                names.add(job.path("name").asText());
            }
        }
        return names;
    }

    private static Set<String> consumerGroups(Admin admin) {
        try {
            Set<String> groups = new LinkedHashSet<>();
            admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).forEach(groups::add);
            return groups;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> transactionalIds(Admin admin) {
        try {
            return admin.listTransactions().all().get(10, TimeUnit.SECONDS).stream()
                    .map(TransactionListing::transactionalId).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String row) {
        try {
            return JSON.readTree(row);
        } catch (IOException e) {
            throw new IllegalStateException(row, e);
        }
    }
}
