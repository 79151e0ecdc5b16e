package io.shopstream.bundle;

/**
 * The topics where input that no metric counts is accounted for, shared by every pipeline of an environment (under
 * its {@code TOPIC_PREFIX}): malformed source records, written once by the {@code dead_letters} pipeline, and events
 * that arrived after their window had closed, written by each windowed pipeline with its name.
 */
public final class AccountingTopics {

    /** The pipeline that writes {@link #deadLetters}; {@code run}, {@code local} and {@code try} include it. */
    public static final String DEAD_LETTERS_PIPELINE = "dead_letters";

    private AccountingTopics() {}

    public static String deadLetters(String topicPrefix) {
        return topicPrefix + "dead_letters";
    }

    public static String lateEvents(String topicPrefix) {
        return topicPrefix + "late_events";
    }
}
