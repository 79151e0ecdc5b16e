package io.shopstream.udfs;

import java.time.Instant;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code EVENT_TIME(payload)}: the event time of a source record that is a valid event, as a
 * {@code TIMESTAMP_LTZ(3)}; NULL for any record that is not (see {@link EventParser}).
 *
 * <p>The source tables' event-time column, so their watermark only ever sees valid events: a malformed record, even
 * one whose timestamp parses, cannot move the watermark (and make valid events late) differently than the same
 * stream without it would. NULL event times are skipped by Flink's watermark generator.
 */
public class EventTime extends ScalarFunction {

    public @DataTypeHint("TIMESTAMP_LTZ(3)") Instant eval(byte[] payload) {
        return EventParser.parseRemembered(payload).validEventTime();
    }
}
