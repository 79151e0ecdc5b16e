package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.localstack.Deadline;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Whether jobs have read all their input: their consumer groups' committed offsets against the topics' ends. */
final class ConsumedInput {

    private ConsumedInput() {}

    /**
     * Waits until every consumer group has committed the end of every partition of {@code sources} (each with
     * {@code partitions} partitions): Flink commits a source's offsets when a checkpoint completes, so by then
     * everything read is in committed state.
     */
    static void await(Admin admin, Iterable<String> groups, List<String> sources, int partitions, Duration timeout)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : sources) {
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> end.put(partition, info.offset()));
        for (String group : groups) {
            boolean consumed = Deadline.in(timeout).until(() -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    return end.entrySet().stream().allMatch(partition -> Optional
                            .ofNullable(committed.get(partition.getKey())).map(OffsetAndMetadata::offset)
                            .orElse(0L) >= partition.getValue());
                } catch (ExecutionException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            assertThat(consumed).as(group + " read every source record within " + timeout).isTrue();
        }
    }
}
