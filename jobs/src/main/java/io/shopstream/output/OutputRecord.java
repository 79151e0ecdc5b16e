package io.shopstream.output;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A committed record of an output topic: its key and value as text (JSON), where it is and when it was written. */
public record OutputRecord(String topic, int partition, long offset, long timestamp, Optional<String> key,
        Optional<String> value) {

    static OutputRecord of(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
        return new OutputRecord(topic, partition, offset, timestamp, text(key), text(value));
    }

    /** A record without a value deletes its key from an upsert topic. */
    public boolean isTombstone() {
        return value.isEmpty();
    }

    private static Optional<String> text(byte[] bytes) {
        return Optional.ofNullable(bytes).map(b -> new String(b, StandardCharsets.UTF_8));
    }
}
