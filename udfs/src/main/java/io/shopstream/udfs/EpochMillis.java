package io.shopstream.udfs;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code EPOCH_MILLIS(ts)}: milliseconds since 1970-01-01T00:00:00Z, the time type Pinot ingests as it is.
 *
 * <p>A {@code TIMESTAMP_LTZ} is an instant already. A {@code TIMESTAMP} without zone (what window TVFs give as
 * {@code window_start} and {@code window_end}) is read as UTC: the launcher pins {@code table.local-time-zone} to UTC,
 * so window bounds are UTC wall-clock times.
 */
public class EpochMillis extends ScalarFunction {

    /** Takes Flink's own timestamp, as every event's filters call it: no {@code Instant} made per call. */
    public Long eval(@DataTypeHint(value = "TIMESTAMP_LTZ(3)", bridgedTo = TimestampData.class)
            TimestampData timestamp) {
        return timestamp == null ? null : timestamp.getMillisecond();
    }

    public Long eval(@DataTypeHint("TIMESTAMP(3)") LocalDateTime utcDateTime) {
        return utcDateTime == null ? null : utcDateTime.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
