package io.shopstream.upgrading;

import io.shopstream.bundle.PipelineId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What to upgrade and how.
 *
 * @param pipeline the pipeline and version whose job ({@code <pipeline>@v<N>}) is replaced
 * @param profile the profile the new job runs with
 * @param jar the build to run: its SQL, UDFs and launcher
 * @param savepointDirectory where the savepoint goes; empty for the cluster's default
 * @param fromSavepoint start from this savepoint, stopping nothing (a rollback, or a retry after a failed upgrade)
 * @param timeout how long each wait may take: the savepoint, the new job running, its first checkpoint
 */
public record UpgradeRequest(PipelineId pipeline, String profile, Path jar, Optional<String> savepointDirectory,
        Optional<String> fromSavepoint, Duration timeout) {

    /** The launcher's command line for the new job, as the JobManager runs it: the pipeline at this version. */
    public List<String> programArguments() {
        return List.of("run", pipeline.toString(), "--profile", profile);
    }
}
