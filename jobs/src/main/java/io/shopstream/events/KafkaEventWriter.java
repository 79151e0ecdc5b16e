package io.shopstream.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes events to their topics, keyed by {@code session_id} so a session stays on one partition, in the order given
 * (which is the order a consumer of each partition sees them). Idempotent, so a retry never doubles an event.
 */
public final class KafkaEventWriter implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topicPrefix;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    public KafkaEventWriter(String bootstrapServers, String topicPrefix) {
        this.topicPrefix = topicPrefix;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                // One request in flight per broker keeps the file's order on a retry, whatever the client version.
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    public void write(Event event) {
        producer.send(new ProducerRecord<>(event.type().topic(topicPrefix),
                        event.sessionId().getBytes(StandardCharsets.UTF_8), event.json().getBytes(StandardCharsets.UTF_8)),
                (metadata, failure) -> {
                    if (failure != null) {
                        firstFailure.compareAndSet(null, failure);
                    }
                });
    }

    /** Waits until every event written so far is acknowledged; fails if any was not. */
    public void flush() {
        producer.flush();
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException("Kafka did not accept the events: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
