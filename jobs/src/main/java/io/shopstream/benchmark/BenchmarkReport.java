package io.shopstream.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** The figures of one benchmark run, as a table for people or one JSON object for scripts. */
public record BenchmarkReport(long events, int partitions, double preloadSeconds, List<ContenderResult> contenders) {

    public BenchmarkReport {
        contenders = List.copyOf(contenders);
    }

    private ContenderResult contender(String name) {
        return contenders.stream().filter(result -> result.name().equals(name)).findFirst().orElseThrow();
    }

    public String table() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "bench: %,d events, %d partitions per topic, %d cores%n%-9s %5s %12s %9s %14s %14s%n", events,
                partitions, Runtime.getRuntime().availableProcessors(), "", "jobs", "events/s", "seconds",
                "CPU s/M events", "peak heap MB"));
        for (ContenderResult result : contenders) {
            table.append(String.format(Locale.ROOT, "%-9s %5d %,12.0f %9.1f %14.1f %14d%n", result.name(),
                    result.jobs(), result.eventsPerSecond(), result.seconds(), result.cpuSecondsPerMillionEvents(),
                    result.peakHeapMegabytes()));
        }
        table.append(String.format(Locale.ROOT, "shipped/ceiling %.2f, shipped/naive %.2f%n", shippedOverCeiling(),
                shippedOverNaive()));
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
        json.put("shipped_over_ceiling", round(shippedOverCeiling()));
        json.put("shipped_over_naive", round(shippedOverNaive()));
        // The live phase (freshness) is not built yet.
        json.putNull("freshness_p50_ms");
        json.putNull("freshness_p99_ms");
        return json.toString();
    }

    private double shippedOverCeiling() {
        return contender("shipped").eventsPerSecond() / contender("ceiling").eventsPerSecond();
    }

    private double shippedOverNaive() {
        return contender("shipped").eventsPerSecond() / contender("naive").eventsPerSecond();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
