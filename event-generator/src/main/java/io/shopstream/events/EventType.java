package io.shopstream.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The four kinds of events, each on its own topic {@code ${TOPIC_PREFIX}<event_type>}. */
public enum EventType {
    PAGE_VIEW,
    PRODUCT_VIEW,
    ADD_TO_CART,
    PURCHASE;

    /** The value of the {@code event_type} field, e.g. {@code add_to_cart}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String topic(String topicPrefix) {
        return topicPrefix + wireName();
    }

    /** The source topics of every event type, in declaration order. */
    public static List<String> topics(String topicPrefix) {
        return Arrays.stream(values()).map(type -> type.topic(topicPrefix)).toList();
    }

    public static Optional<EventType> fromWireName(String value) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(value)).findFirst();
    }
}
