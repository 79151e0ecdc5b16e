package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.events.Delivery;
import io.shopstream.events.EventType;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.generator.EventGenerator;
import io.shopstream.generator.GeneratorSettings;
import io.shopstream.reference.ReferenceMetrics;
import io.shopstream.reference.Rows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code try} through the bundle jar as shipped: its own broker and Flink, results alone on stdout. */
class BundleJarTryIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TESTS = Path.of("..", "sql", "tests").toAbsolutePath().normalize();

    @TempDir
    Path workingDirectory;

    @Test
    void printsExactlyTheGoldenRowsOfTheUpsertPipelineOnStdout() throws Exception {
        Path folder = TESTS.resolve("session_metrics");

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "try", "session_metrics",
                "--events", folder.resolve("events.jsonl").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> stdout = result.stdout().lines().toList();
        Rows.assertSameRows(stdout, Rows.readLines(folder.resolve("expected.jsonl")), "try session_metrics");
        assertThat(stdout).isSortedAccordingTo(String::compareTo);
        assertThat(result.stderr()).as(result.toString())
                .contains("Read 26 events")
                .contains("session_metrics: ")
                .contains("(final row per key)")
                .contains("Done: session_metrics@v3");
        System.out.printf("try session_metrics through the jar took %.1f s%n", result.took().toMillis() / 1000.0);
    }

    @Test
    void aDirectoryGivenAsEventsIsAClearErrorBeforeAnythingStarts() throws Exception {
        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "try", "active_users_1m",
                "--events", workingDirectory.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString())
                .contains("error: " + workingDirectory + " is a directory: --events takes a file of JSON lines")
                .doesNotContain("\tat ");
        assertThat(result.stdout()).isEmpty();
    }

    /**
     * The acceptance of dead letters: about 5% malformed lines (the generator's, of every kind) among the events of a
     * seed. {@code try} exits 0, prints exactly the rows the independent reference model computes from the clean
     * events alone, and {@code --dead-letters} holds one record per malformed line, with where it was read and why.
     */
    @Test
    void malformedLinesBecomeOneDeadLetterEachAndTheResultsAreThoseOfTheCleanEvents() throws Exception {
        List<OutgoingEvent> events = new ArrayList<>();
        EventGenerator.ofCount(GeneratorSettings.defaults(20261126L).withMalformedFraction(0.05), 1_200)
                .forEachRemaining(events::add);
        List<String> malformed = events.stream().filter(e -> e.delivery() == Delivery.MALFORMED)
                .map(OutgoingEvent::json).toList();
        List<String> clean = events.stream().filter(e -> e.delivery() != Delivery.MALFORMED)
                .map(OutgoingEvent::json).toList();
        assertThat(malformed).hasSizeBetween(30, 100);
        Path file = workingDirectory.resolve("events.jsonl");
        Files.write(file, events.stream().map(OutgoingEvent::json).toList());
        Path deadLetters = workingDirectory.resolve("dead-letters.jsonl");

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "try", "product_metrics_1m",
                "--events", file.toString(), "--dead-letters", deadLetters.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> expected = ReferenceMetrics.expectedRows("product_metrics_1m", clean);
        assertThat(expected).hasSizeGreaterThan(100);
        Rows.assertSameRows(result.stdout().lines().toList(), expected, "try product_metrics_1m");
        assertThat(result.stderr()).as(result.toString())
                .contains("Read " + events.size() + " events")
                .contains("dead_letters: " + malformed.size() + " malformed records")
                .contains("Wrote " + malformed.size() + " dead-letter records to " + deadLetters);
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(deadLetters)) {
            records.add(JSON.readTree(line));
        }
        assertThat(records).extracting(record -> record.get("payload").asText())
                .containsExactlyInAnyOrderElementsOf(malformed);
        assertThat(records).extracting(record -> record.get("reason").asText()).isSubsetOf("not_json",
                "missing_field", "wrong_type", "bad_timestamp", "unknown_event_type")
                .contains("not_json", "missing_field", "wrong_type", "bad_timestamp", "unknown_event_type");
        assertThat(records).allSatisfy(record -> {
            assertThat(record.get("source_topic").asText()).isIn(EventType.topics(""));
            assertThat(record.get("source_partition").asInt()).isBetween(0, 2);
            assertThat(record.get("source_offset").asLong()).isNotNegative();
            assertThat(record.get("detail").asText()).isNotBlank();
        });
        assertThat(records).extracting(record -> record.get("source_topic").asText() + "/"
                + record.get("source_partition") + "/" + record.get("source_offset")).doesNotHaveDuplicates();
        System.out.printf("try with %d malformed lines of %d took %.1f s; stderr:%n%s%nA dead letter per reason:%n%s%n",
                malformed.size(), events.size(), result.took().toMillis() / 1000.0, result.stderr(),
                String.join("\n", records.stream().collect(java.util.stream.Collectors.toMap(
                        record -> record.get("reason").asText(), JsonNode::toString, (a, b) -> a,
                        java.util.TreeMap::new)).values()));
    }

    @Test
    void anUnknownPipelineListsTheKnownOnes() throws Exception {
        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "try", "active_user",
                "--events", TESTS.resolve("active_users_1m/events.jsonl").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString())
                .contains("unknown pipeline 'active_user'")
                .contains("active_users_1m.v1");
    }
}
