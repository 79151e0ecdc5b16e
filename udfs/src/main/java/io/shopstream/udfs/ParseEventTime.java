package io.shopstream.udfs;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * {@code PARSE_EVENT_TIME(event_timestamp)}: the instant an ISO-8601 timestamp with a zone offset names, as a
 * {@code TIMESTAMP_LTZ(3)}.
 *
 * <p>Flink 1.20 has no built-in that reads an arbitrary offset ({@code +05:30}, {@code -08:00}, {@code +05:45},
 * {@code Z}) into an instant: the JSON format only accepts {@code Z}, and {@code TO_TIMESTAMP} drops the offset.
 * Returns NULL for a value that is missing or does not parse, so a bad timestamp never fails the job.
 */
public class ParseEventTime extends ScalarFunction {

    public @DataTypeHint("TIMESTAMP_LTZ(3)") Instant eval(String isoTimestamp) {
        return parse(isoTimestamp);
    }

    /** The same parsing for Java callers (generator, tests), so every component reads time the same way. */
    public static Instant parse(String isoTimestamp) {
        if (isoTimestamp == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(isoTimestamp.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
