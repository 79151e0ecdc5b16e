package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.bundle.AccountingTopics;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.generator.EventGenerator;
import io.shopstream.generator.GeneratorSettings;
import io.shopstream.output.OutputRecord;
import io.shopstream.output.OutputTopicReader;
import io.shopstream.planning.SinkTable;
import io.shopstream.reference.ReferenceMetrics;
import io.shopstream.reference.Rows;
import io.shopstream.submitting.SubmittedPipeline;
import io.shopstream.variables.Variables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated events (mixed offsets, out of order within the watermark delay, sessions across windows)
 * through all three pipelines at once, as {@code run} submits them but bounded; every pipeline's committed output
 * equals what the independent reference model computes from the same events.
 */
class GeneratedEventsIT {

    private static final long SEED = 20261123L;

    @Test
    void everyPipelineEqualsTheReferenceModel() throws Exception {
        SharedStack stack = SharedStack.get();
        String prefix = SharedStack.uniquePrefix("generated");
        SqlBundle bundle = SqlBundle.at(Path.of("..", "sql"));
        Variables variables = stack.variables(bundle, prefix, Map.of("SCAN_BOUNDED_MODE", "latest-offset"));
        // Six minutes of a small shop: 10 events/s, 100 sessions in flight, 10% up to 3 s out of order.
        List<OutgoingEvent> events = new ArrayList<>();
        EventGenerator.ofCount(GeneratorSettings.defaults(SEED), 3_600).forEachRemaining(events::add);
        List<String> lines = events.stream().map(OutgoingEvent::json).toList();

        List<SubmittedPipeline> jobs = stack.runLatestPipelines(bundle, variables, prefix, events);
        for (SubmittedPipeline job : jobs) {
            job.job().getJobExecutionResult().get(3, TimeUnit.MINUTES);
        }

        try (OutputTopicReader reader = new OutputTopicReader(stack.kafka.bootstrapServers())) {
            for (SubmittedPipeline job : jobs) {
                SinkTable sink = job.sinks().get(0);
                if (job.id().name().equals(AccountingTopics.DEAD_LETTERS_PIPELINE)) {
                    assertThat(reader.readAll(sink.topic().orElseThrow(), Duration.ofSeconds(60)))
                            .as("generated events without malformed ones make no dead letters").isEmpty();
                    continue;
                }
                List<OutputRecord> records = reader.readAll(sink.topic().orElseThrow(), Duration.ofSeconds(60));
                List<String> rows = sink.isUpsert() ? OutputTopicReader.finalValuesByKey(records)
                        : new ArrayList<>(records.stream().flatMap(record -> record.value().stream()).toList());
                List<String> expected = ReferenceMetrics.expectedRows(job.id().name(), lines);
                assertThat(expected).as("the reference has rows for " + job.id()).hasSizeGreaterThan(4);
                Rows.assertSameRows(rows, expected, job.id().toString());
            }
        }
    }
}
