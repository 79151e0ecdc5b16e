package io.shopstream.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The figures of one benchmark run, as a table for people or one JSON object for scripts. */
public record BenchmarkReport(long events, int partitions, double preloadSeconds, List<ContenderResult> contenders,
        Optional<WindowFreshness.Result> freshness) {

    public BenchmarkReport {
        contenders = List.copyOf(contenders);
    }

    private Optional<ContenderResult> contender(Contender contender) {
        return contenders.stream().filter(result -> result.name().equals(contender.label())).findFirst();
    }

    /** The events/s of {@code numerator} over those of {@code denominator}, when both ran. */
    private Optional<Double> ratio(Contender numerator, Contender denominator) {
        return contender(numerator).flatMap(top -> contender(denominator)
                .map(bottom -> top.eventsPerSecond() / bottom.eventsPerSecond()));
    }

    private static final List<Contender[]> RATIOS = List.of(
            new Contender[] {Contender.SHIPPED, Contender.CEILING},
            new Contender[] {Contender.SHIPPED_ONE_JOB, Contender.CEILING},
            new Contender[] {Contender.SHIPPED, Contender.NAIVE},
            new Contender[] {Contender.SHIPPED_ONE_JOB, Contender.NAIVE});

    public String table() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "bench: %,d events, %d partitions per topic, %d cores%n%-9s %5s %12s %9s %14s %14s%n", events,
                partitions, Runtime.getRuntime().availableProcessors(), "", "jobs", "events/s", "seconds",
                "CPU s/M events", "peak heap MB"));
        for (ContenderResult result : contenders) {
            table.append(String.format(Locale.ROOT, "%-16s %5d %,12.0f %9.1f %14.1f %14d%n", result.name(),
                    result.jobs(), result.eventsPerSecond(), result.seconds(), result.cpuSecondsPerMillionEvents(),
                    result.peakHeapMegabytes()));
        }
        for (Contender[] pair : RATIOS) {
            ratio(pair[0], pair[1]).ifPresent(ratio -> table.append(String.format(Locale.ROOT, "%s/%s %.2f%n",
                    pair[0].label(), pair[1].label(), ratio)));
        }
        freshness.ifPresent(live -> table.append(String.format(Locale.ROOT, "freshness at %,.0f events/s: p50 %s ms,"
                + " p99 %s ms (%d window results: window end to readable, read_committed)%n", live.eventsPerSecond(),
                live.quantileMillis(0.5), live.quantileMillis(0.99), live.samplesMillis().size())));
        return table.toString();
    }

    public String json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode();
        json.put("events", events);
        json.put("partitions", partitions);
        json.put("cores", Runtime.getRuntime().availableProcessors());
        for (ContenderResult result : contenders) {
            json.put(result.name() + "_events_per_s", Math.round(result.eventsPerSecond()));
            json.put(result.name() + "_cpu_s_per_million_events", round(result.cpuSecondsPerMillionEvents()));
            json.put(result.name() + "_peak_heap_mb", result.peakHeapMegabytes());
        }
        for (Contender[] pair : RATIOS) {
            ratio(pair[0], pair[1]).ifPresent(ratio -> json.put(pair[0].label() + "_over_" + pair[1].label(),
                    round(ratio)));
        }
        Long p50 = freshness.map(live -> live.quantileMillis(0.5)).orElse(null);
        Long p99 = freshness.map(live -> live.quantileMillis(0.99)).orElse(null);
        json.put("freshness_p50_ms", p50);
        json.put("freshness_p99_ms", p99);
        freshness.ifPresent(live -> {
            json.put("freshness_samples", live.samplesMillis().size());
            json.put("freshness_events_per_s", Math.round(live.eventsPerSecond()));
        });
        return json.toString();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
