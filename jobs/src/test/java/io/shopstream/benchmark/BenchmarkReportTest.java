package io.shopstream.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

    private static final ContenderResult CEILING = new ContenderResult("ceiling", 1, 1_000_000, 20.0, 30.0, 600);
    private static final ContenderResult SHIPPED = new ContenderResult("shipped", 4, 1_000_000, 100.0, 150.0, 2000);
    private static final ContenderResult ONE_JOB =
            new ContenderResult("shipped_one_job", 1, 1_000_000, 40.0, 60.0, 1500);
    private static final ContenderResult NAIVE = new ContenderResult("naive", 1, 1_000_000, 50.0, 60.0, 2300);

    @Test
    void theJsonHasEveryContendersFiguresTheRatiosAndFreshness() throws Exception {
        WindowFreshness.Result live = new WindowFreshness.Result(2000, List.of(7200L, 6100L, 9800L, 6500L));
        BenchmarkReport report = new BenchmarkReport(1_000_000, 4, 12.5, List.of(CEILING, SHIPPED, ONE_JOB, NAIVE),
                Optional.of(live));

        JsonNode json = new ObjectMapper().readTree(report.json());

        assertThat(json.get("events").asLong()).isEqualTo(1_000_000);
        assertThat(json.get("ceiling_events_per_s").asLong()).isEqualTo(50_000);
        assertThat(json.get("shipped_events_per_s").asLong()).isEqualTo(10_000);
        assertThat(json.get("shipped_one_job_events_per_s").asLong()).isEqualTo(25_000);
        assertThat(json.get("naive_events_per_s").asLong()).isEqualTo(20_000);
        assertThat(json.get("shipped_cpu_s_per_million_events").asDouble()).isEqualTo(150.0);
        assertThat(json.get("shipped_over_ceiling").asDouble()).isEqualTo(0.2);
        assertThat(json.get("shipped_one_job_over_ceiling").asDouble()).isEqualTo(0.5);
        assertThat(json.get("shipped_one_job_over_naive").asDouble()).isEqualTo(1.25);
        assertThat(json.get("freshness_p50_ms").asLong()).as("nearest rank: the 2nd of 4").isEqualTo(6500);
        assertThat(json.get("freshness_p99_ms").asLong()).isEqualTo(9800);
        assertThat(json.get("freshness_samples").asInt()).isEqualTo(4);
        assertThat(json.get("naive_events_per_s_runs").toString()).isEqualTo("[20000]");
        assertThat(report.table()).doesNotContain("median of");
    }

    @Test
    void aContenderRunSeveralTimesIsReportedByItsMedianRunWithEveryRunListed() throws Exception {
        ContenderResult slow = new ContenderResult("ceiling", 1, 1_000_000, 40.0, 44.0, 700);
        ContenderResult fast = new ContenderResult("ceiling", 1, 1_000_000, 10.0, 15.0, 500);
        ContenderResult slowShipped = new ContenderResult("shipped", 4, 1_000_000, 125.0, 160.0, 2100);
        BenchmarkReport report = new BenchmarkReport(1_000_000, 4, 12.5,
                List.of(slow, SHIPPED, CEILING, slowShipped, fast), Optional.empty());

        JsonNode json = new ObjectMapper().readTree(report.json());

        assertThat(json.get("ceiling_events_per_s").asLong()).as("the middle of 25,000, 50,000, 100,000")
                .isEqualTo(50_000);
        assertThat(json.get("ceiling_cpu_s_per_million_events").asDouble()).as("the median run's own CPU")
                .isEqualTo(30.0);
        assertThat(json.get("ceiling_events_per_s_runs").toString()).as("in the order they ran")
                .isEqualTo("[25000,50000,100000]");
        assertThat(json.get("shipped_events_per_s").asLong()).as("of two runs, the slower").isEqualTo(8_000);
        assertThat(json.get("shipped_peak_heap_mb").asLong()).isEqualTo(2100);
        assertThat(json.get("shipped_over_ceiling").asDouble()).isEqualTo(0.16);
        assertThat(report.table())
                .contains("median of 3 runs: 25,000 to 100,000 events/s")
                .contains("median of 2 runs: 8,000 to 10,000 events/s");
    }

    @Test
    void withoutALivePhaseFreshnessIsNullAndRatiosNeedBothContenders() throws Exception {
        BenchmarkReport report = new BenchmarkReport(1000, 4, 1.0, List.of(SHIPPED), Optional.empty());

        JsonNode json = new ObjectMapper().readTree(report.json());

        assertThat(json.get("freshness_p50_ms").isNull()).isTrue();
        assertThat(json.get("freshness_p99_ms").isNull()).isTrue();
        assertThat(json.has("shipped_over_ceiling")).isFalse();
        assertThat(report.table()).contains("shipped").doesNotContain("shipped/ceiling");
    }
}
