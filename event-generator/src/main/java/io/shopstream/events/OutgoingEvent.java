package io.shopstream.events;

/**
 * An event on its way to a source topic.
 *
 * @param topic the event type whose topic it goes to
 * @param key the Kafka key, its {@code session_id}; null when it has none
 * @param json the record's value, written byte for byte
 * @param dueMillis when it is due, in milliseconds from the start of its stream (paces a throttled writer)
 * @param delivery how it arrives relative to the events before it
 */
public record OutgoingEvent(EventType topic, String key, String json, long dueMillis, Delivery delivery) {}
