package io.shopstream.output;

import io.shopstream.errors.RootCause;
import io.shopstream.events.KafkaUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows a topic as records arrive, reading the way consumers of the output topics must: {@code read_committed}, so
 * rows of transactions that were aborted or are still open (a checkpoint not yet complete) never show. It assigns
 * itself every partition rather than joining a consumer group, so following commits no offsets and takes no
 * partitions from anyone, and it never creates a topic it is asked about.
 */
public final class TopicFollower implements AutoCloseable {

    /** Where following starts in every partition. */
    public enum From { BEGINNING, END }

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, List<PartitionInfo>> topics;
    private volatile boolean stopped;

    private TopicFollower(KafkaConsumer<byte[], byte[]> consumer, Map<String, List<PartitionInfo>> topics) {
        this.consumer = consumer;
        this.topics = topics;
    }

    /**
     * Connects to a broker and reads which topics it has.
     *
     * @throws KafkaUnavailableException when no broker answers within {@code timeout}
     */
    public static TopicFollower connect(String bootstrapServers, Duration timeout) {
        KafkaConsumer<byte[], byte[]> consumer;
        try {
            consumer = new KafkaConsumer<>(CommittedReads.consumerConfig(bootstrapServers, "shopstream-tail"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (KafkaException unresolvable) {
            throw new KafkaUnavailableException("no Kafka broker answers at " + bootstrapServers + ": "
                    + RootCause.describe(unresolvable), unresolvable);
        }
        try {
            return new TopicFollower(consumer, consumer.listTopics(timeout));
        } catch (TimeoutException noAnswer) {
            consumer.close(Duration.ZERO);
            throw new KafkaUnavailableException("no Kafka broker answers at " + bootstrapServers + " within "
                    + timeout.toSeconds() + " s", noAnswer);
        }
    }

    /** The broker's topics, by name, without Kafka's internal ones ({@code __consumer_offsets}). */
    public SortedSet<String> topics() {
        TreeSet<String> names = new TreeSet<>(topics.keySet());
        names.removeIf(name -> name.startsWith("__"));
        return names;
    }

    /**
     * Assigns this follower every partition of {@code topic} and fixes where it starts in each: at the beginning, or
     * at the current end, so that what is committed from now on is followed.
     */
    public void start(String topic, From from) {
        List<TopicPartition> partitions = topics.getOrDefault(topic, List.of()).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        if (from == From.BEGINNING) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        try {
            // Seeks are lazy: asking the positions now, rather than at the first poll, makes "the end" this moment.
            partitions.forEach(consumer::position);
        } catch (WakeupException stoppedWhileStarting) {
            // stop() was called; follow() will return at once.
        }
    }

    /**
     * Hands every committed record of the started topic to {@code records} as it arrives, partition by partition in
     * offset order, until {@code max} records or {@link #stop()}.
     *
     * @return how many records were handed over
     */
    public long follow(long max, Consumer<OutputRecord> records) {
        long handed = 0;
        try {
            while (handed < max && !stopped) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    records.accept(OutputRecord.of(record.topic(), record.partition(), record.offset(),
                            record.timestamp(), record.key(), record.value()));
                    if (++handed == max || stopped) {
                        break;
                    }
                }
            }
        } catch (WakeupException wokenUp) {
            // stop() was called while polling: the records handed over so far are all there is.
        }
        return handed;
    }

    /** Makes {@link #follow} return soon; safe from any thread, as the one Ctrl-C runs on. */
    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
