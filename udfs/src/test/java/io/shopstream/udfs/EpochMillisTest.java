package io.shopstream.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class EpochMillisTest {

    private final EpochMillis function = new EpochMillis();

    @Test
    void instantIsItsEpochMillis() {
        assertThat(function.eval(Instant.parse("2026-11-23T10:15:00Z"))).isEqualTo(1_795_428_900_000L);
    }

    @Test
    void timestampWithoutZoneIsReadAsUtc() {
        assertThat(function.eval(LocalDateTime.parse("2026-11-23T10:15:00"))).isEqualTo(1_795_428_900_000L);
    }

    @Test
    void nullStaysNull() {
        assertThat(function.eval((Instant) null)).isNull();
        assertThat(function.eval((LocalDateTime) null)).isNull();
    }
}
