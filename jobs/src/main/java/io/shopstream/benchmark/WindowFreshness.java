package io.shopstream.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.events.KafkaEventWriter;
import io.shopstream.feed.EventFeed;
import io.shopstream.generator.EventGenerator;
import io.shopstream.generator.GeneratorSettings;
import io.shopstream.output.CommittedReads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Freshness of the windowed pipelines' results at a steady live rate: events stamped with the wall clock are produced
 * in real time while the pipelines run, and for each window result the time from the window's end to its first row
 * being readable by a {@code read_committed} consumer is noted. That spans the watermark delay, the window's firing,
 * the sink and the exactly-once commit at the next checkpoint.
 */
final class WindowFreshness {

    /** What the live phase saw: one freshness sample per (output topic, window), in milliseconds. */
    record Result(double eventsPerSecond, List<Long> samplesMillis) {

        /** The nearest-rank quantile of the samples, or null with none. */
        Long quantileMillis(double quantile) {
            if (samplesMillis.isEmpty()) {
                return null;
            }
            List<Long> sorted = samplesMillis.stream().sorted().toList();
            int rank = (int) Math.ceil(quantile * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(50);

    private final String bootstrapServers;
    private final Set<String> windowTopics;
    private final Consumer<String> progress;

    WindowFreshness(String bootstrapServers, Set<String> windowTopics, Consumer<String> progress) {
        this.bootstrapServers = bootstrapServers;
        this.windowTopics = windowTopics;
        this.progress = progress;
    }

    /**
     * Produces events of {@code traffic}, stamped from now, for {@code live} while reading the window topics from
     * their end, then keeps reading for {@code drain}, so the windows that closed during the live phase are all seen.
     */
    Result measure(GeneratorSettings traffic, Duration live, Duration drain) {
        Instant start = Instant.now();
        GeneratorSettings settings = traffic.withStart(start);
        Map<String, Long> firstSeen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                CommittedReads.consumerConfig(bootstrapServers, "shopstream-bench-freshness"),
                new StringDeserializer(), new StringDeserializer());
                KafkaEventWriter topics = new KafkaEventWriter(bootstrapServers, "")) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : windowTopics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic,
                        info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread feeder = new Thread(() -> EventFeed.inRealTime(EventGenerator.until(settings, start.plus(live)),
                    topics, Duration.ZERO).run(progress, Duration.ofSeconds(30)), "bench-live-events");
            feeder.setDaemon(true);
            feeder.start();
            long readUntil = System.currentTimeMillis() + live.plus(drain).toMillis();
            while (System.currentTimeMillis() < readUntil) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    long seen = System.currentTimeMillis();
                    long windowEnd = windowEnd(record.value());
                    if (windowEnd > start.toEpochMilli()) {
                        firstSeen.putIfAbsent(record.topic() + "@" + windowEnd, seen - windowEnd);
                    }
                }
            }
            feeder.interrupt();
            joinQuietly(feeder);
        }
        List<Long> samples = List.copyOf(firstSeen.values());
        progress.accept(String.format(Locale.ROOT, "Freshness: %d window results seen (%s ms)", samples.size(),
                samples.stream().sorted().toList()));
        return new Result(settings.eventsPerSecond(), samples);
    }

    private static long windowEnd(String row) {
        try {
            JsonNode node = JSON.readTree(row);
            return node.path("window_end").asLong(Long.MIN_VALUE);
        } catch (java.io.IOException e) {
            throw new BenchmarkException("a window result that is not JSON: " + row, e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
