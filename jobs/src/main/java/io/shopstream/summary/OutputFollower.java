package io.shopstream.summary;

import io.shopstream.output.CommittedReads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows output topics from their beginning as their consumers must, {@code read_committed}: a row appears once the
 * checkpoint that wrote it has completed, never before and never twice.
 */
final class OutputFollower implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, String> pipelineOfTopic;

    /** Follows the topics of {@code pipelineOfTopic}, each the output of the pipeline it maps to. */
    OutputFollower(String bootstrapServers, Map<String, String> pipelineOfTopic) {
        this.pipelineOfTopic = Map.copyOf(pipelineOfTopic);
        this.consumer = new KafkaConsumer<>(CommittedReads.consumerConfig(bootstrapServers, "shopstream-summary"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : pipelineOfTopic.keySet()) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** What takes each row: the pipeline whose output it is, its key and its value (null for a deletion). */
    interface Rows {
        void accept(String pipeline, String key, String value);
    }

    /** Hands every row committed since the last call to {@code rows}, until none arrives within {@code quiet}. */
    void pollAll(Rows rows, Duration quiet) {
        ConsumerRecords<String, String> records;
        do {
            records = consumer.poll(quiet);
            for (ConsumerRecord<String, String> record : records) {
                rows.accept(pipelineOfTopic.get(record.topic()), record.key(), record.value());
            }
        } while (!records.isEmpty());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
