package io.shopstream.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.SplittableRandom;

/** The ways the generator breaks an event, as real producers do: each turns a valid JSON line into a bad one. */
public enum Malformation {
    /** Cut off mid-way, as a crashed producer leaves it. */
    NOT_JSON,
    /** A number written as words, e.g. {@code "quantity":"two"}. */
    WRONG_TYPE,
    /** A required field left out. */
    MISSING_FIELD,
    /** An event time that does not parse as ISO-8601 with a zone. */
    BAD_TIMESTAMP,
    /** An {@code event_type} no pipeline knows. */
    UNKNOWN_EVENT_TYPE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED = List.of("event_id", "event_type", "event_timestamp", "user_id",
            "session_id");
    private static final List<String> BAD_TIMESTAMPS = List.of("2026-11-23 25:61:00", "yesterday", "1763888400",
            "2026-02-30T10:00:00Z", "");
    private static final List<String> UNKNOWN_TYPES = List.of("wishlist_add", "checkout_start", "PageView");

    /** {@code json}, a valid event, broken this way. */
    String apply(String json, SplittableRandom random) {
        if (this == NOT_JSON) {
            return json.substring(0, 1 + random.nextInt(json.length() - 2));
        }
        ObjectNode event = parse(json);
        switch (this) {
            case WRONG_TYPE -> {
                if (event.has("quantity")) {
                    event.put("quantity", "two");
                } else if (event.has("price")) {
                    event.put("price", "12,99 EUR");
                } else {
                    event.put("time_spent", "a while");
                }
            }
            case MISSING_FIELD -> event.remove(REQUIRED.get(random.nextInt(REQUIRED.size())));
            case BAD_TIMESTAMP ->
                    event.put("event_timestamp", BAD_TIMESTAMPS.get(random.nextInt(BAD_TIMESTAMPS.size())));
            case UNKNOWN_EVENT_TYPE -> event.put("event_type", UNKNOWN_TYPES.get(random.nextInt(UNKNOWN_TYPES.size())));
            default -> throw new IllegalStateException("not handled: " + this);
        }
        return event.toString();
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the generator wrote an event that is not JSON: " + json, e);
        }
    }
}
