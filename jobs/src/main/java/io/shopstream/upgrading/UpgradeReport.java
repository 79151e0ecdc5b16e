package io.shopstream.upgrading;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an upgrade did and how long each part took.
 *
 * @param oldJobId the job stopped, empty when the upgrade started from a given savepoint
 * @param stopTook from the stop request to the old job being over, savepoint written
 * @param downtime from the stop request (or the upload, starting from a given savepoint) to the new job's first
 *     completed checkpoint: the time no committed output came out
 */
public record UpgradeReport(String jobName, URI jobManager, String flinkVersion, Optional<String> oldJobId,
        String savepoint, Optional<Duration> stopTook, long jarBytes, Duration uploadTook, Duration submitTook,
        String newJobId, Duration runningAfter, Duration checkpointAfter, Duration downtime) {

    /** The report as lines for people. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Upgraded " + jobName + " on " + jobManager + " (Flink " + flinkVersion + "):");
        oldJobId.ifPresent(id -> lines.add("  old job    " + id + ", stopped with a savepoint in "
                + seconds(stopTook.orElseThrow())));
        lines.add("  savepoint  " + savepoint + (oldJobId.isEmpty() ? " (given)" : ""));
        lines.add("  jar        uploaded in " + seconds(uploadTook) + " (" + megabytes(jarBytes) + ")");
        lines.add("  new job    " + newJobId + ": submitted in " + seconds(submitTook) + ", RUNNING "
                + seconds(runningAfter) + " later, first checkpoint " + seconds(checkpointAfter) + " later");
        lines.add("  downtime   " + seconds(downtime) + " (" + (oldJobId.isPresent() ? "stop request" : "upload")
                + " to the new job's first completed checkpoint)");
        return lines;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.round(bytes / 1_000_000.0));
    }
}
