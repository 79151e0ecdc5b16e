package io.shopstream.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which topic a line of JSON goes to, and with which key, whatever the line holds: the topic of its
 * {@code event_type}, keyed by its {@code session_id}. A line that names no known event type (not JSON, no or an
 * unknown {@code event_type}) goes to the {@code page_view} topic, where the pipelines see it and account for it,
 * rather than nowhere.
 */
public final class EventRouting {

    /** Where lines without a known event type go. */
    public static final EventType UNROUTABLE = EventType.PAGE_VIEW;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventRouting() {}

    public static OutgoingEvent route(String line, long dueMillis, Delivery delivery) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return new OutgoingEvent(UNROUTABLE, null, line, dueMillis, delivery);
        }
        if (node == null || !node.isObject()) {
            return new OutgoingEvent(UNROUTABLE, null, line, dueMillis, delivery);
        }
        JsonNode type = node.get("event_type");
        EventType topic = type != null && type.isTextual()
                ? EventType.fromWireName(type.asText()).orElse(UNROUTABLE)
                : UNROUTABLE;
        JsonNode session = node.get("session_id");
        return new OutgoingEvent(topic, session != null && session.isTextual() ? session.asText() : null, line,
                dueMillis, delivery);
    }
}
