package io.shopstream.freshness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The measured delays of the probes that became visible, and how many never did within the timeout. */
public record FreshnessReport(List<Duration> latencies, int missing) {

    public FreshnessReport {
        List<Duration> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        latencies = List.copyOf(sorted);
    }

    /** The {@code quantile} (0 to 1) of the delays, nearest rank. */
    public Duration quantile(double quantile) {
        if (latencies.isEmpty()) {
            throw new IllegalStateException("no probe became visible");
        }
        int rank = (int) Math.ceil(quantile * latencies.size());
        return latencies.get(Math.min(latencies.size(), Math.max(1, rank)) - 1);
    }

    public String summary() {
        if (latencies.isEmpty()) {
            return "no probe became visible (" + missing + " sent)";
        }
        return String.format(Locale.ROOT, "%d probes: p50 %s, p99 %s, min %s, max %s%s", latencies.size(),
                seconds(quantile(0.5)), seconds(quantile(0.99)), seconds(latencies.get(0)),
                seconds(latencies.get(latencies.size() - 1)),
                missing == 0 ? "" : ", " + missing + " never visible");
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }
}
