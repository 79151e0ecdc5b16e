package io.shopstream.upgrading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How far an upgrade has gone: the step under way, the old job, the stop request, the savepoint, the new job. When a
 * step fails it turns into the message that says what state things are in now (asking the JobManager, as far as it
 * answers) and how to roll back.
 */
final class UpgradeState {

    private final UpgradeRequest request;
    private final JobManagerClient client;
    private String step = "starting";
    private FlinkJob oldJob;
    private String stopRequest;
    private boolean stopEnded;
    private String savepoint;
    private String newJobId;

    UpgradeState(UpgradeRequest request, JobManagerClient client) {
        this.request = request;
        this.client = client;
    }

    /** The step now under way, for the failure message: "stopping job ... with a savepoint". */
    void doing(String description) {
        step = description;
    }

    void oldJob(FlinkJob job) {
        oldJob = job;
    }

    void stopRequested(String requestId) {
        stopRequest = requestId;
    }

    /** The stop request ended without a savepoint: Flink keeps the job running. */
    void stopEnded() {
        stopEnded = true;
    }

    void savepoint(String location) {
        savepoint = location;
    }

    void newJob(String jobId) {
        newJobId = jobId;
    }

    String jobName() {
        return request.pipeline().jobName();
    }

    /** The exception for a failure of the current step: what failed, the state now, how to roll back. */
    UpgradeFailedException failure(String reason, Throwable cause) {
        List<String> lines = new ArrayList<>();
        lines.add("upgrade of " + jobName() + " on " + client.address() + " failed while " + step + ": " + reason);
        if (savepoint == null) {
            if (stopRequest != null && !stopEnded) {
                lines.add("State now:");
                lines.add("  old job    " + oldJob.id() + ": " + currentState(oldJob.id()));
                lines.add("  savepoint  none yet: the stop request is still pending (GET " + client.address()
                        + "/jobs/" + oldJob.id() + "/savepoints/" + stopRequest + " tells how it ends)");
                lines.add("If it completes, the job stops: start it again from the savepoint that request reports,"
                        + " with this same command and --savepoint PATH.");
            } else if (oldJob == null) {
                lines.add("Nothing was changed.");
            } else {
                lines.add((stopRequest == null ? "Nothing was changed" : "No savepoint was taken") + ": job "
                        + oldJob.id() + " is " + currentState(oldJob.id()) + ".");
            }
            return new UpgradeFailedException(String.join("\n", lines), cause);
        }
        lines.add("State now:");
        if (oldJob != null) {
            lines.add("  old job    " + oldJob.id() + ": " + currentState(oldJob.id()));
        }
        lines.add("  savepoint  " + savepoint);
        lines.add("  new job    " + (newJobId == null ? "none" : newJobId + ": " + currentState(newJobId)));
        lines.addAll(rollbackAdvice());
        return new UpgradeFailedException(String.join("\n", lines), cause);
    }

    private List<String> rollbackAdvice() {
        List<String> lines = new ArrayList<>();
        String previous = "PREVIOUS.jar";
        if (newJobId == null) {
            lines.add("The pipeline is not running; its input waits in Kafka, nothing is lost.");
            lines.add("To roll back, start the previous build from the savepoint:");
        } else {
            lines.add("The new job completed no checkpoint, so it committed no output: restoring the savepoint loses"
                    + " nothing and duplicates nothing.");
            lines.add("To roll back, cancel the new job (curl -X PATCH '" + client.address() + "/jobs/" + newJobId
                    + "?mode=cancel') and start the previous build from the savepoint:");
        }
        String arguments = String.join(" ", request.pipelineOptions());
        lines.add("  java -jar " + previous + " upgrade " + arguments + " --jobmanager " + client.address()
                + " --savepoint " + savepoint);
        lines.add("or with Flink's client:");
        lines.add("  flink run -d -s " + savepoint + " " + previous + " run " + arguments);
        lines.add("where " + previous + " is the build the old job ran (Flink does not keep it: keep your releases).");
        lines.add("To retry with a fixed build instead: the same `upgrade` command with that build's jar and"
                + " --savepoint " + savepoint + ".");
        return lines;
    }

    /** A job's state as the JobManager says now, or why that is unknown. */
    private String currentState(String jobId) {
        try {
            FlinkJob job = client.job(jobId);
            String state = job.state();
            if (job.id().equals(newJobId) && !job.isRunning()) {
                state += client.latestFailure(jobId).map(failure -> " (" + failure + ")").orElse("");
            }
            if (oldJob != null && job.id().equals(oldJob.id()) && savepoint != null) {
                state += ", stopped with the savepoint below";
            }
            return state;
        } catch (JobManagerUnavailableException | JobManagerRequestException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    Optional<String> savepoint() {
        return Optional.ofNullable(savepoint);
    }
}
