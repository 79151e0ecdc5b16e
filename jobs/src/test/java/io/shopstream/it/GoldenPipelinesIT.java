package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.EventType;
import io.shopstream.events.EventsFile;
import io.shopstream.reference.Rows;
import io.shopstream.trial.PipelineTrial;
import io.shopstream.trial.TrialResult;
import io.shopstream.variables.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder of {@code sql/tests/}: its events through the pipeline's real SQL (the path of {@code try}: a real
 * broker, three partitions per topic, exactly-once sinks, checkpoints, read_committed), and exactly its expected
 * rows out.
 */
class GoldenPipelinesIT {

    private static final Path SQL = Path.of("..", "sql");
    private static final int PARTITIONS = 3;

    static Stream<String> goldenTests() throws Exception {
        try (Stream<Path> folders = Files.list(SQL.resolve("tests"))) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("goldenTests")
    void outputsExactlyTheExpectedRows(String pipelineName) throws Exception {
        SharedStack stack = SharedStack.get();
        String prefix = SharedStack.uniquePrefix(pipelineName.replace('_', '-'));
        SqlBundle bundle = SqlBundle.at(SQL);
        PipelineFile pipeline = bundle.latest(pipelineName);
        Path folder = bundle.testDirectory(pipelineName);
        Variables variables = Variables.of(bundle.profile("local"), Map.of()).with(Map.of("TOPIC_PREFIX", prefix));

        TrialResult result = new PipelineTrial(bundle, variables, PARTITIONS, Duration.ofMinutes(3),
                line -> { })
                .run(pipeline, EventsFile.read(folder.resolve("events.jsonl")), stack.kafka, stack.flink);

        assertThat(result.outputs()).hasSize(1);
        Rows.assertSameRows(result.outputs().get(0).rows(), Rows.readLines(folder.resolve("expected.jsonl")),
                pipelineName);
        assertThat(result.deadLetters()).as("golden events are all valid").isEmpty();
        assertThat(result.lateEvents()).as("golden events are out of order within the watermark delay only")
                .isEmpty();
        assertThat(emptySourcePartitions(stack, prefix))
                .as("the input must leave a source partition empty, so idle partitions are part of the test")
                .isNotEmpty();
    }

    private static List<TopicPartition> emptySourcePartitions(SharedStack stack, String prefix) throws Exception {
        List<String> topics = EventType.topics(prefix);
        try (Admin admin = stack.kafka.admin()) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            descriptions.values().forEach(description -> description.partitions().forEach(partition ->
                    latest.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
            List<TopicPartition> empty = new ArrayList<>();
            admin.listOffsets(latest).all().get().forEach((partition, offsets) -> {
                if (offsets.offset() == 0) {
                    empty.add(partition);
                }
            });
            assertThat(latest).hasSize(topics.size() * PARTITIONS);
            return empty;
        }
    }
}
