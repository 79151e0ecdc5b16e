package io.shopstream.output;

/**
 * A record of an output topic as one line for people: its value, JSON as written but with times as UTC text (see
 * {@link ReadableTimestamps}); for a keyed record (an upsert topic) the key first, {@code KEY -> VALUE}; for a
 * tombstone, {@code KEY -> (deleted)}.
 */
public final class RecordLine {

    private RecordLine() {}

    public static String of(OutputRecord record) {
        String value = record.value().map(ReadableTimestamps::render).orElse("(deleted)");
        return record.key().map(key -> ReadableTimestamps.render(key) + " -> " + value).orElse(value);
    }
}
