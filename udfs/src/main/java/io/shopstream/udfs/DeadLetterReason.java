package io.shopstream.udfs;

import java.util.Locale;

/**
 * Why a record of a source topic is not an event of the input contract. The name in lower case ({@code not_json})
 * is what a dead-letter record's {@code reason} says and what the per-reason counters are called, so it is part of
 * the dead-letter contract: add reasons, never rename one.
 */
public enum DeadLetterReason {
    /** Not a JSON object: cut off, binary, empty, a JSON array or scalar, or a field named twice. */
    NOT_JSON,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field of the contract holds a value of another type ({@code "quantity":"two"}). */
    WRONG_TYPE,
    /** {@code event_timestamp} is not ISO-8601 with a zone offset. */
    BAD_TIMESTAMP,
    /**
     * {@code event_timestamp} parses but names an instant outside [2000-01-01, 2100-01-01): a clock or a producer
     * gone wrong. Taken into event time it would move the watermark decades ahead and make every later event late.
     */
    TIMESTAMP_OUT_OF_RANGE,
    /** {@code event_type} is none of page_view, product_view, add_to_cart, purchase. */
    UNKNOWN_EVENT_TYPE;

    /** The reason as records and metrics name it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
