package io.shopstream.events;

/**
 * One event as read from a file: its JSON text exactly as given (it is written to Kafka byte for byte), the fields
 * that route it, and the line it came from.
 */
public record Event(EventType type, String sessionId, String json, int line) {}
