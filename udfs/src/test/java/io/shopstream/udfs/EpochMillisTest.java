package io.shopstream.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.apache.flink.table.data.TimestampData;
import org.junit.jupiter.api.Test;

class EpochMillisTest {

    private final EpochMillis function = new EpochMillis();

    @Test
    void instantIsItsEpochMillis() {
        assertThat(function.eval(TimestampData.fromInstant(Instant.parse("2026-11-23T10:15:00Z"))))
                .isEqualTo(1_795_428_900_000L);
        assertThat(function.eval(TimestampData.fromInstant(Instant.parse("1969-12-31T23:59:59.999Z"))))
                .isEqualTo(-1L);
    }

    @Test
    void timestampWithoutZoneIsReadAsUtc() {
        assertThat(function.eval(LocalDateTime.parse("2026-11-23T10:15:00"))).isEqualTo(1_795_428_900_000L);
    }

    @Test
    void nullStaysNull() {
        assertThat(function.eval((TimestampData) null)).isNull();
        assertThat(function.eval((LocalDateTime) null)).isNull();
    }
}
