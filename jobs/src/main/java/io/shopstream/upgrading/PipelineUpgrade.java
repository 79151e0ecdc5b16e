package io.shopstream.upgrading;

import io.shopstream.localstack.Deadline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Replaces a pipeline's running job on a session cluster by the same pipeline from a new build, keeping its state,
 * through the JobManager's REST API only: find the job {@code <pipeline>@v<N>}, stop it with a savepoint, upload the
 * jar, run it from the savepoint, wait until the new job is RUNNING and has completed its first checkpoint (from
 * then on it commits output). Nothing changes before the old job is found and the savepoint can be written; a
 * failure after that says what state things are in and how to roll back ({@link UpgradeState}).
 */
public final class PipelineUpgrade {

    /** Where the cluster writes savepoints by default, under its 1.20 key and the older one. */
    private static final List<String> SAVEPOINT_DIRECTORY_KEYS =
            List.of("execution.checkpointing.savepoint-dir", "state.savepoints.dir");

    private final JobManagerClient client;
    private final Consumer<String> progress;

    /** @param progress receives a line as each step starts or ends */
    public PipelineUpgrade(JobManagerClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    public UpgradeReport run(UpgradeRequest request) {
        UpgradeState state = new UpgradeState(request, client);
        try {
            return upgrade(request, state);
        } catch (UpgradeFailedException e) {
            throw e;
        } catch (JobManagerUnavailableException | JobManagerRequestException e) {
            throw state.failure(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw state.failure(e.toString(), e);
        }
    }

    private UpgradeReport upgrade(UpgradeRequest request, UpgradeState state) {
        String jobName = state.jobName();
        state.doing("reaching the JobManager");
        String version = client.flinkVersion();
        Optional<FlinkJob> oldJob = Optional.empty();
        Optional<Duration> stopTook = Optional.empty();
        long downtimeStarted = System.nanoTime();
        if (request.fromSavepoint().isPresent()) {
            state.doing("checking that " + jobName + " is not running");
            List<FlinkJob> running = liveJobsNamed(jobName);
            if (!running.isEmpty()) {
                throw state.failure(jobName + " is running as job " + running.get(0).id() + ": --savepoint starts a"
                        + " stopped pipeline; to replace a running job, leave --savepoint out", null);
            }
            state.savepoint(request.fromSavepoint().get());
        } else {
            FlinkJob job = findRunningJob(state);
            oldJob = Optional.of(job);
            state.oldJob(job);
            progress.accept("Found " + jobName + " running as job " + job.id() + " on " + client.address()
                    + " (Flink " + version + ").");
            Optional<String> directory = savepointDirectory(request, state);
            downtimeStarted = System.nanoTime();
            stopWithSavepoint(job, directory, request.timeout(), state);
            stopTook = Optional.of(since(downtimeStarted));
            progress.accept("Stopped job " + job.id() + " with a savepoint in " + UpgradeReport.seconds(stopTook.get())
                    + ": " + state.savepoint().orElseThrow());
        }
        String savepoint = state.savepoint().orElseThrow();

        state.doing("uploading " + request.jar());
        long jarBytes = size(request);
        progress.accept("Uploading " + request.jar() + " (" + jarBytes / 1_000_000 + " MB)...");
        long uploadStarted = System.nanoTime();
        String jarId = client.uploadJar(request.jar(), request.timeout());
        Duration uploadTook = since(uploadStarted);

        state.doing("running " + String.join(" ", request.programArguments()) + " from the savepoint");
        progress.accept("Submitting " + String.join(" ", request.programArguments()) + " from " + savepoint + "...");
        long submitStarted = System.nanoTime();
        String newJobId;
        try {
            newJobId = client.runJar(jarId, request.programArguments(), Optional.of(savepoint), request.timeout());
        } finally {
            deleteQuietly(jarId);
        }
        Duration submitTook = since(submitStarted);
        state.newJob(newJobId);

        long waitStarted = System.nanoTime();
        state.doing("waiting for job " + newJobId + " to run");
        awaitRunning(newJobId, request.timeout(), state);
        Duration runningAfter = since(waitStarted);
        progress.accept("Job " + newJobId + " is RUNNING; waiting for its first checkpoint...");

        long checkpointWaitStarted = System.nanoTime();
        state.doing("waiting for the first checkpoint of job " + newJobId);
        awaitFirstCheckpoint(newJobId, request.timeout(), state);
        Duration checkpointAfter = since(checkpointWaitStarted);
        return new UpgradeReport(jobName, client.address(), version, oldJob.map(FlinkJob::id), savepoint, stopTook,
                jarBytes, uploadTook, submitTook, newJobId, runningAfter, checkpointAfter, since(downtimeStarted));
    }

    private FlinkJob findRunningJob(UpgradeState state) {
        String jobName = state.jobName();
        state.doing("looking for the running job " + jobName);
        List<FlinkJob> jobs = client.jobs();
        List<FlinkJob> named = jobs.stream().filter(job -> job.name().equals(jobName) && !job.isTerminal()).toList();
        if (named.size() > 1) {
            throw state.failure(named.size() + " jobs named " + jobName + " are live (" + String.join(", ",
                    named.stream().map(job -> job.id() + " " + job.state()).toList()) + "): cancel the extra ones"
                    + " first, so that exactly one job writes the pipeline's output", null);
        }
        if (named.isEmpty() || !named.get(0).isRunning()) {
            String pipeline = jobName.substring(0, jobName.indexOf('@') + 1);
            List<String> otherVersions = jobs.stream().filter(job -> job.name().startsWith(pipeline)
                    && !job.isTerminal()).map(FlinkJob::name).toList();
            String running = jobs.stream().filter(FlinkJob::isRunning).map(FlinkJob::name).sorted().toList()
                    .toString();
            throw state.failure(named.isEmpty()
                    ? "no job named " + jobName + " runs there (running: " + running + ")"
                            + (otherVersions.isEmpty() ? "" : "; " + String.join(", ", otherVersions) + " is live:"
                                    + " an upgrade keeps a version's state, a new version runs beside the old one"
                                    + " (start it with `run`), or name the version: upgrade "
                                    + otherVersions.get(0).replace('@', '.'))
                    : "job " + named.get(0).id() + " (" + jobName + ") is " + named.get(0).state()
                            + ", not RUNNING: a savepoint needs every task running; wait for it, or start from a"
                            + " savepoint with --savepoint", null);
        }
        return named.get(0);
    }

    private Optional<String> savepointDirectory(UpgradeRequest request, UpgradeState state) {
        if (request.savepointDirectory().isPresent()) {
            return request.savepointDirectory();
        }
        state.doing("checking the cluster's savepoint directory");
        for (String key : SAVEPOINT_DIRECTORY_KEYS) {
            if (client.clusterOption(key).isPresent()) {
                return Optional.empty();
            }
        }
        throw state.failure("the cluster has no default savepoint directory (" + SAVEPOINT_DIRECTORY_KEYS.get(0)
                + "): pass --savepoint-dir, a directory every JobManager and TaskManager can write (e.g."
                + " s3://bucket/savepoints)", null);
    }

    private void stopWithSavepoint(FlinkJob job, Optional<String> directory, Duration timeout, UpgradeState state) {
        state.doing("stopping job " + job.id() + " with a savepoint");
        progress.accept("Stopping job " + job.id() + " with a savepoint...");
        String requestId = client.stopWithSavepoint(job.id(), directory, false);
        state.stopRequested(requestId);
        SavepointStatus status = await(timeout, () -> {
            SavepointStatus now = client.savepointStatus(job.id(), requestId);
            return now.completed() ? Optional.of(now) : Optional.empty();
        }).orElseThrow(() -> state.failure("the savepoint did not complete within " + timeout.toSeconds() + " s",
                null));
        if (status.failure().isPresent()) {
            state.stopEnded();
            throw state.failure("Flink could not take the savepoint: " + status.failure().get(), null);
        }
        state.savepoint(status.location().orElseThrow());
        state.doing("waiting for job " + job.id() + " to end after its savepoint");
        await(timeout, () -> Optional.of(client.job(job.id())).filter(FlinkJob::isTerminal))
                .orElseThrow(() -> state.failure("the job did not end within " + timeout.toSeconds() + " s of its"
                        + " savepoint", null));
    }

    private void awaitRunning(String jobId, Duration timeout, UpgradeState state) {
        await(timeout, () -> {
            FlinkJob job = client.job(jobId);
            if (job.isTerminal()) {
                throw state.failure("the new job is " + job.state() + ": "
                        + latestFailure(jobId).orElse("Flink gives no reason"), null);
            }
            return Optional.of(job).filter(FlinkJob::isRunning);
        }).orElseThrow(() -> state.failure("the new job was not RUNNING within " + timeout.toSeconds() + " s", null));
    }

    private void awaitFirstCheckpoint(String jobId, Duration timeout, UpgradeState state) {
        await(timeout, () -> {
            FlinkJob job = client.job(jobId);
            if (job.isTerminal()) {
                throw state.failure("the new job is " + job.state() + ": "
                        + latestFailure(jobId).orElse("Flink gives no reason"), null);
            }
            return Optional.of(client.checkpoints(jobId)).filter(counts -> counts.completed() > 0);
        }).orElseThrow(() -> {
            CheckpointCounts counts = client.checkpoints(jobId);
            String why = counts.latestFailure().map(failure -> "; the latest of " + counts.failed() + " failed ones: "
                    + failure).orElse("");
            String restarts = latestFailure(jobId).map(failure -> "; it last failed with: " + failure)
                    .orElse("");
            return state.failure("the new job completed no checkpoint within " + timeout.toSeconds() + " s" + why
                    + restarts, null);
        });
    }

    /** Why the job last failed, as far as the JobManager tells: only ever part of a message. */
    private Optional<String> latestFailure(String jobId) {
        try {
            return client.latestFailure(jobId);
        } catch (JobManagerRequestException unknown) {
            return Optional.empty();
        }
    }

    private void deleteQuietly(String jarId) {
        try {
            client.deleteJar(jarId);
        } catch (JobManagerUnavailableException | JobManagerRequestException e) {
            // The upload only takes disk space on the JobManager; the job has its own copy in the blob store.
            progress.accept("(could not remove the uploaded jar " + jarId + " from the JobManager: "
                    + e.getMessage() + ")");
        }
    }

    private static long size(UpgradeRequest request) {
        try {
            return Files.size(request.jar());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + request.jar(), e);
        }
    }

    private static <T> Optional<T> await(Duration timeout, Supplier<Optional<T>> probe) {
        return Deadline.in(timeout).poll(probe);
    }

    private List<FlinkJob> liveJobsNamed(String jobName) {
        return client.jobs().stream().filter(job -> job.name().equals(jobName) && !job.isTerminal()).toList();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
