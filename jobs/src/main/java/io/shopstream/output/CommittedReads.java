package io.shopstream.output;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How ShopStream reads output topics, as their consumers must: {@code read_committed}, so rows of transactions that
 * were aborted or are still open (a checkpoint not yet complete) are never seen. Partitions are assigned, not
 * subscribed: no consumer group, no committed offsets, no topic created by asking for it.
 */
public final class CommittedReads {

    private CommittedReads() {}

    /** Consumer settings for {@code bootstrapServers}, under {@code clientId} in the broker's logs and metrics. */
    public static Map<String, Object> consumerConfig(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // From the earliest record when a position is lost (retention deleted records from under the reader).
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }
}
