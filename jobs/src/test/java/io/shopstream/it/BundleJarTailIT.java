package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.localstack.LocalPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tail} through the bundle jar as shipped, on the shared broker: committed rows only, as people read them. */
class BundleJarTailIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String SESSION_KEY = "{\"session_id\":\"s1\"}";

    @TempDir
    Path workingDirectory;

    @Test
    void printsTheCommittedRecordsInOrderWithReadableTimesKeysAndDeletions() throws Exception {
        SharedStack stack = SharedStack.get();
        String topic = SharedStack.uniquePrefix("tail") + "rows";
        stack.kafka.createTopics(Set.of(topic), 1);
        try (KafkaProducer<String, String> producer = transactionalProducer(stack.kafka.bootstrapServers())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic,
                    "{\"window_start\":1795464000000,\"window_end\":1795464060000,\"active_users\":3}"));
            producer.send(new ProducerRecord<>(topic,
                    "{\"window_start\":1795464060000,\"window_end\":1795464120000,\"active_users\":1}"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic,
                    "{\"window_start\":1795464120000,\"window_end\":1795464180000,\"active_users\":999}"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, SESSION_KEY, "{\"session_id\":\"s1\",\"revenue\":25.00,"
                    + "\"first_event_time\":1795464000000,\"last_event_time\":1795464121500,\"converted\":true}"));
            producer.send(new ProducerRecord<>(topic, SESSION_KEY, null));
            producer.commitTransaction();
        }

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "tail", topic, "--from-beginning",
                "--max", "4", "--bootstrap-servers", stack.kafka.bootstrapServers());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout().lines()).as(result.toString()).containsExactly(
                "{\"window_start\":\"2026-11-23 20:00:00\",\"window_end\":\"2026-11-23 20:01:00\",\"active_users\":3}",
                "{\"window_start\":\"2026-11-23 20:01:00\",\"window_end\":\"2026-11-23 20:02:00\",\"active_users\":1}",
                "{\"session_id\":\"s1\"} -> {\"session_id\":\"s1\",\"revenue\":25.00,\"first_event_time\":"
                        + "\"2026-11-23 20:00:00\",\"last_event_time\":\"2026-11-23 20:02:01.500\",\"converted\":true}",
                "{\"session_id\":\"s1\"} -> (deleted)");
        assertThat(result.stderr()).as(result.toString())
                .contains("Following " + topic + " on " + stack.kafka.bootstrapServers()
                        + " from the beginning, for 4 records")
                .contains("Shown 4 records of " + topic);
    }

    @Test
    void aMissingTopicIsAnErrorThatListsTheTopicsThere() throws Exception {
        SharedStack stack = SharedStack.get();
        String existing = SharedStack.uniquePrefix("tail") + "present";
        stack.kafka.createTopics(Set.of(existing), 1);

        String mistyped = existing.replace("present", "presnet");

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "tail", mistyped,
                "--bootstrap-servers", stack.kafka.bootstrapServers());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        // The shared broker holds the other tests' topics too: more than are listed, the nearest to the name first.
        assertThat(result.stderr()).as(result.toString())
                .containsPattern("error: topic " + mistyped + " does not exist on " + stack.kafka.bootstrapServers()
                        + "\\. (Topics there|The 30 of its [0-9]+ topics nearest to that name): ")
                .contains(existing)
                .doesNotContain("__consumer_offsets")
                .doesNotContain("\tat ");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aPipelineStandsForItsOutputTopic() throws Exception {
        SharedStack stack = SharedStack.get();

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "tail", "session_metrics",
                "--bootstrap-servers", stack.kafka.bootstrapServers());

        // Every test uses topics of its own prefix, so the unprefixed output topic is never on the shared broker.
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString())
                .contains("Pipeline session_metrics.v3 writes to topic session_metrics_v3 with profile local.")
                .contains("error: topic session_metrics_v3 does not exist on " + stack.kafka.bootstrapServers()
                        + ". It is the output of pipeline session_metrics.v3 with profile local: has"
                        + " session_metrics.v3 run against this broker?");
    }

    @Test
    void noBrokerAtTheAddressIsAnErrorWithinSeconds() throws Exception {
        String nobody = "127.0.0.1:" + LocalPorts.free();

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "tail", "active_users_1m",
                "--bootstrap-servers", nobody);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).as(result.toString())
                .contains("error: no Kafka broker answers at " + nobody + " within 10 s; is `local` running?")
                .doesNotContain("\tat ");
        assertThat(result.took()).isLessThan(Duration.ofSeconds(60));
    }

    private static KafkaProducer<String, String> transactionalProducer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tail-it-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer());
    }
}
