package io.shopstream.udfs;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        String text = isoTimestamp.trim();
        Instant common = parseCommonForm(text);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM|-HH:MM)}, the form producers send, read by hand: every source
     * record's timestamp goes through here, and {@link DateTimeFormatter} costs several times more. Null for any
     * other text, or a value out of range, which the full parser then decides; so the result is always the full
     * parser's.
     */
    static Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            int count = at - start;
            if (count == 0 || count > NANOS_PER_DIGIT.length) {
                return null;
            }
            nanos = digits(text, start, count) * NANOS_PER_DIGIT[count - 1];
        }
        int offsetSeconds;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offsetSeconds = 0;
        } else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-')
                && text.charAt(at + 3) == ':') {
            int offsetHours = digits(text, at + 1, 2);
            int offsetMinutes = digits(text, at + 4, 2);
            if ((offsetHours | offsetMinutes) < 0 || offsetHours > 17 || offsetMinutes > 59) {
                return null;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text.charAt(at) == '-' ? -1 : 1);
        } else {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, from + count)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
