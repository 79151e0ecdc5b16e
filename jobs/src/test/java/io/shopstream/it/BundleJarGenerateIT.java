package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.events.EventRouting;
import io.shopstream.events.EventType;
import io.shopstream.generator.EventGenerator;
import io.shopstream.generator.GeneratorSettings;
import io.shopstream.output.OutputRecord;
import io.shopstream.output.OutputTopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate} through the bundle jar as shipped, into the shared broker and into files. */
class BundleJarGenerateIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path workingDirectory;

    @Test
    void aReplayWritesEveryLineOfTheFileToItsTopicKeyedBySession() throws Exception {
        SharedStack stack = SharedStack.get();
        String prefix = SharedStack.uniquePrefix("replay");
        List<String> lines = new ArrayList<>(EventGenerator.lines(
                GeneratorSettings.defaults(21).withMalformedFraction(0.1), 400));
        lines.addAll(List.of("not json at all", "{\"event_type\":\"purchase\"}", "[]", "\u00e9t\u00e9 \u2603"));
        Path file = workingDirectory.resolve("events.jsonl");
        List<String> withBlanks = new ArrayList<>(lines);
        withBlanks.add(100, "");
        withBlanks.add(200, "   ");
        Files.write(file, withBlanks);

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "generate", "--events", file.toString(),
                "--bootstrap-servers", stack.kafka.bootstrapServers(), "--topic-prefix", prefix, "--partitions", "2");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).contains("Done: 404 events");
        Map<String, List<String>> expectedByTopic = new HashMap<>();
        for (String line : lines) {
            expectedByTopic.computeIfAbsent(EventRouting.route(line, 0, null).topic().topic(prefix),
                    topic -> new ArrayList<>()).add(line);
        }
        try (OutputTopicReader reader = new OutputTopicReader(stack.kafka.bootstrapServers())) {
            for (String topic : EventType.topics(prefix)) {
                List<OutputRecord> records = reader.readAll(topic, Duration.ofSeconds(30));
                assertThat(records).extracting(record -> record.value().orElseThrow()).as(topic)
                        .containsExactlyInAnyOrderElementsOf(expectedByTopic.getOrDefault(topic, List.of()));
                for (OutputRecord record : records) {
                    String expectedKey = EventRouting.route(record.value().orElseThrow(), 0, null).key();
                    assertThat(record.key().orElse(null)).isEqualTo(expectedKey);
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameEventsAndACountGoesToKafkaWhole() throws Exception {
        String[] options = {"--count", "3000", "--seed", "42", "--start", "2026-11-23T09:00:00Z", "--unthrottled",
            "--rate", "50", "--out-of-order", "0.1", "--late", "0.02", "--malformed", "0.05"};
        List<String> first = generateToFile("first.jsonl", options);
        List<String> second = generateToFile("second.jsonl", options);

        assertThat(first).hasSize(3000).isEqualTo(second);
        assertThat(first.get(0)).contains("\"event_timestamp\":\"2026-11-23T");

        SharedStack stack = SharedStack.get();
        String prefix = SharedStack.uniquePrefix("generate");
        List<String> args = new ArrayList<>(List.of("generate", "--bootstrap-servers", stack.kafka.bootstrapServers(),
                "--topic-prefix", prefix));
        args.addAll(List.of(options));
        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).contains("Created topics " + prefix + "page_view");
        List<String> written = new ArrayList<>();
        try (OutputTopicReader reader = new OutputTopicReader(stack.kafka.bootstrapServers())) {
            for (String topic : EventType.topics(prefix)) {
                reader.readAll(topic, Duration.ofSeconds(30))
                        .forEach(record -> written.add(record.value().orElseThrow()));
            }
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(first);
    }

    private List<String> generateToFile(String name, String... options) throws Exception {
        Path file = workingDirectory.resolve(name);
        List<String> args = new ArrayList<>(List.of("generate", "--output", file.toString()));
        args.addAll(List.of(options));
        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Files.readAllLines(file);
    }
}
