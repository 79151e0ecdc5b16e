package io.shopstream.events;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/** Makes sure topics exist on a broker before anything is written to them, with a clear error if it is not there. */
public final class KafkaTopics {

    private static final Duration LEADERS_TIMEOUT = Duration.ofSeconds(30);

    private KafkaTopics() {}

    /**
     * Creates those of {@code topics} that do not exist yet, with {@code partitions} partitions and one replica, and
     * waits until every partition has a leader: a producer writing to a partition still being created gets retriable
     * errors that have been seen to leave idempotent sequences out of order.
     *
     * @return the topics it created
     */
    public static List<String> ensure(String bootstrapServers, Collection<String> topics, int partitions,
            Duration timeout) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 10_000),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream()
                    .distinct()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1))
                    .toList();
            try {
                admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            awaitLeaders(admin, topics);
            return missing.stream().map(NewTopic::name).toList();
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("no Kafka broker answers at " + bootstrapServers + " within "
                    + timeout.toSeconds() + " s: is it running? (`java -jar shopstream.jar local` starts one)");
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("Kafka at " + bootstrapServers + " could not create topics "
                    + topics + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while creating topics " + topics);
        }
    }

    private static void awaitLeaders(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + LEADERS_TIMEOUT.toNanos();
        while (true) {
            Map<String, TopicDescription> descriptions;
            try {
                descriptions = admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                descriptions = Map.of();
            }
            boolean ready = descriptions.size() == topics.stream().distinct().count()
                    && descriptions.values().stream().allMatch(topic -> topic.partitions().stream()
                            .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty()));
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new KafkaUnavailableException("partitions of " + topics + " have no leader after "
                        + LEADERS_TIMEOUT.toSeconds() + " s");
            }
            // Polling the broker's metadata: a leader election has no notification to wait on.
            Thread.sleep(100);
        }
    }
}
