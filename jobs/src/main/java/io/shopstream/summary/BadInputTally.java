package io.shopstream.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.bundle.AccountingTopics;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the committed records of the accounting topics ({@link AccountingTopics}) as they arrive: dead letters per
 * reason, late events per pipeline. Read from the topics in both of {@code local}'s modes, since they have no Pinot
 * table.
 */
public final class BadInputTally implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEAD_LETTERS = "dead letters";
    private static final String LATE_EVENTS = "late events";

    private final OutputFollower follower;
    private final Map<String, Long> deadLettersByReason = new HashMap<>();
    private final Map<String, Long> lateByPipeline = new HashMap<>();

    public BadInputTally(String bootstrapServers, String topicPrefix) {
        this.follower = new OutputFollower(bootstrapServers, Map.of(
                AccountingTopics.deadLetters(topicPrefix), DEAD_LETTERS,
                AccountingTopics.lateEvents(topicPrefix), LATE_EVENTS));
    }

    /** The counts, with every record committed since the last call added. */
    public BadInput counts() {
        follower.pollAll((topic, key, value) -> {
            JsonNode record = parse(value);
            if (topic.equals(DEAD_LETTERS)) {
                deadLettersByReason.merge(record.path("reason").asText("unknown"), 1L, Long::sum);
            } else {
                lateByPipeline.merge(record.path("pipeline").asText("unknown"), 1L, Long::sum);
            }
        }, Duration.ofMillis(200));
        return new BadInput(deadLettersByReason, lateByPipeline);
    }

    private static JsonNode parse(String value) {
        try {
            return value == null ? JSON.createObjectNode() : JSON.readTree(value);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
