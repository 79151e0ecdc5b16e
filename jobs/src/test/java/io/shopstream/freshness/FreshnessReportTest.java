package io.shopstream.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessReportTest {

    @Test
    void quantilesAreNearestRankOverTheSortedDelays() {
        List<Duration> delays = new ArrayList<>();
        for (int millis = 1; millis <= 200; millis++) {
            delays.add(Duration.ofMillis(millis * 10L));
        }
        Collections.shuffle(delays);
        FreshnessReport report = new FreshnessReport(delays, 0);

        assertThat(report.quantile(0.5)).isEqualTo(Duration.ofMillis(1_000));
        assertThat(report.quantile(0.99)).isEqualTo(Duration.ofMillis(1_980));
        assertThat(report.quantile(1.0)).isEqualTo(Duration.ofMillis(2_000));
        assertThat(report.summary()).isEqualTo("200 probes: p50 1.00 s, p99 1.98 s, min 0.01 s, max 2.00 s");
    }

    @Test
    void saysHowManyProbesNeverShowed() {
        FreshnessReport report = new FreshnessReport(List.of(Duration.ofSeconds(3)), 2);

        assertThat(report.summary()).endsWith(", 2 never visible");
        assertThat(new FreshnessReport(List.of(), 5).summary()).isEqualTo("no probe became visible (5 sent)");
    }
}
