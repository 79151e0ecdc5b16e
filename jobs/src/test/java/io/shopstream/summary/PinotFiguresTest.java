package io.shopstream.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PinotFiguresTest {

    private static final long NINE_O_CLOCK = Instant.parse("2026-11-23T09:00:00Z").toEpochMilli();

    @Test
    void readsTimestampsAsPinotPrintsThemInASelectionAndInAGroupKey() {
        assertThat(PinotFigures.millis("2026-11-23 09:00:00.0")).isEqualTo(NINE_O_CLOCK);
        assertThat(PinotFigures.millis("2026-11-23 09:00:00")).isEqualTo(NINE_O_CLOCK);
        assertThat(PinotFigures.millis(String.valueOf(NINE_O_CLOCK))).isEqualTo(NINE_O_CLOCK);
    }
}
