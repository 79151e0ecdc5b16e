package io.shopstream.output;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads an output topic the way its consumers must: {@code read_committed}, so rows of transactions that were
 * aborted or are still open (a checkpoint not yet complete) are never seen.
 */
public final class OutputTopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;

    public OutputTopicReader(String bootstrapServers) {
        this.consumer = new KafkaConsumer<>(CommittedReads.consumerConfig(bootstrapServers, "shopstream-reader"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Every committed record of {@code topic} from the beginning to its current end (the last stable offset of each
     * partition), in partition then offset order.
     *
     * @param timeout how long reading up to the end may take
     */
    public List<OutputRecord> readAll(String topic, Duration timeout) {
        List<TopicPartition> partitions = partitions(topic, timeout);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        List<OutputRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading " + topic + " to its end took longer than " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                records.add(OutputRecord.of(record.topic(), record.partition(), record.offset(), record.timestamp(),
                        record.key(), record.value()));
            }
        }
        records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return records;
    }

    /** The rows an upsert topic holds in the end: the last value of each key, keys deleted by a tombstone left out. */
    public static List<String> finalValuesByKey(List<OutputRecord> records) {
        Map<Optional<String>, String> latest = new LinkedHashMap<>();
        for (OutputRecord record : records) {
            if (record.isTombstone()) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value().orElseThrow());
            }
        }
        return new ArrayList<>(latest.values());
    }

    private List<TopicPartition> partitions(String topic, Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
