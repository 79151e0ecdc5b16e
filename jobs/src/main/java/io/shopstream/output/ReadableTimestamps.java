package io.shopstream.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Output rows carry their times as epoch milliseconds (what Pinot ingests); people read dates. Rewrites the JSON text
 * of a row so that each time field holds UTC text instead, {@code "2026-11-23 20:00:00"} (with {@code .SSS} when the
 * milliseconds are not zero), and leaves every other character as written: a tree round trip would reorder nothing
 * but would turn a DECIMAL's {@code 25.00} into {@code 25.0}.
 *
 * <p>A time field's name ends in {@code _time}, {@code _start} or {@code _end} ({@code window_start},
 * {@code first_event_time}), at any depth, and its value is an integer that as epoch milliseconds falls between
 * 2000-01-01 and 2100-01-01. A field so named holding anything else (a duration, a count) is left alone, and so is
 * text that is not JSON.
 */
final class ReadableTimestamps {

    private static final JsonFactory JSON = new JsonFactory();
    private static final long EARLIEST = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
    private static final long LATEST = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLISECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private ReadableTimestamps() {}

    static String render(String json) {
        StringBuilder rendered = new StringBuilder(json.length());
        int copied = 0;
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_INT && isTimeField(parser.currentName()) && isEpochMillis(parser)) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    rendered.append(json, copied, start).append('"').append(text(parser.getLongValue())).append('"');
                    copied = start + parser.getTextLength();
                }
            }
        } catch (IOException notJson) {
            return json;
        }
        return rendered.append(json, copied, json.length()).toString();
    }

    /** The UTC text of an epoch-millisecond time, to the second unless it has milliseconds. */
    private static String text(long epochMillis) {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        return (epochMillis % 1000 == 0 ? SECONDS : MILLISECONDS).format(instant);
    }

    /** By the names the pipelines give their time columns; a value in an array has no name. */
    private static boolean isTimeField(String name) {
        return name != null && (name.endsWith("_time") || name.endsWith("_start") || name.endsWith("_end"));
    }

    /** Every time from 2000 to 2100 is beyond an int and within a long; anything else is not a time. */
    private static boolean isEpochMillis(JsonParser parser) throws IOException {
        return parser.getNumberType() == JsonParser.NumberType.LONG
                && parser.getLongValue() >= EARLIEST && parser.getLongValue() < LATEST;
    }
}
