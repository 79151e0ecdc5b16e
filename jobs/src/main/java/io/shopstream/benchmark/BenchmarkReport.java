package io.shopstream.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one benchmark run, as a table for people or one JSON object for scripts. A contender that ran more
 * than once is reported by its median run (by events/s: a run that happened, with its own CPU and heap), the
 * spread of its runs beside it.
 *
 * @param contenders every run, in the order they ran
 */
public record BenchmarkReport(long events, int partitions, double preloadSeconds, List<ContenderResult> contenders,
        Optional<WindowFreshness.Result> freshness) {

    public BenchmarkReport {
        contenders = List.copyOf(contenders);
    }

    /** Each contender's runs, in the order the contenders first ran. */
    private Map<String, List<ContenderResult>> runs() {
        Map<String, List<ContenderResult>> runs = new LinkedHashMap<>();
        contenders.forEach(result -> runs.computeIfAbsent(result.name(), name -> new ArrayList<>()).add(result));
        return runs;
    }

    /** The median of a contender's runs by events/s; the lower of the middle two when they are even. */
    private static ContenderResult median(List<ContenderResult> runs) {
        List<ContenderResult> sorted = runs.stream()
                .sorted(Comparator.comparingDouble(ContenderResult::eventsPerSecond)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private Optional<ContenderResult> contender(Contender contender) {
        return Optional.ofNullable(runs().get(contender.label())).map(BenchmarkReport::median);
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
        for (List<ContenderResult> runs : runs().values()) {
            ContenderResult result = median(runs);
            table.append(String.format(Locale.ROOT, "%-16s %5d %,12.0f %9.1f %14.1f %14d", result.name(),
                    result.jobs(), result.eventsPerSecond(), result.seconds(), result.cpuSecondsPerMillionEvents(),
                    result.peakHeapMegabytes()));
            if (runs.size() > 1) {
                DoubleSummaryStatistics spread = runs.stream().mapToDouble(ContenderResult::eventsPerSecond)
                        .summaryStatistics();
                table.append(String.format(Locale.ROOT, "   median of %d runs: %,.0f to %,.0f events/s", runs.size(),
                        spread.getMin(), spread.getMax()));
            }
            table.append(System.lineSeparator());
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
        for (List<ContenderResult> runs : runs().values()) {
            ContenderResult result = median(runs);
            json.put(result.name() + "_events_per_s", Math.round(result.eventsPerSecond()));
            json.put(result.name() + "_cpu_s_per_million_events", round(result.cpuSecondsPerMillionEvents()));
            json.put(result.name() + "_peak_heap_mb", result.peakHeapMegabytes());
            ArrayNode each = json.putArray(result.name() + "_events_per_s_runs");
            runs.forEach(run -> each.add(Math.round(run.eventsPerSecond())));
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
