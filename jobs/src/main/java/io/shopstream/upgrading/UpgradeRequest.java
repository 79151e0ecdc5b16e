package io.shopstream.upgrading;

import io.shopstream.bundle.PipelineId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to upgrade and how.
 *
 * @param pipeline the pipeline and version whose job ({@code <pipeline>@v<N>}) is replaced
 * @param profile the profile the new job runs with
 * @param sqlDirectory the SQL bundle the new job runs, a directory the JobManager reads; empty for the jar's own
 * @param jar the build to run: its SQL, UDFs and launcher
 * @param savepointDirectory where the savepoint goes; empty for the cluster's default
 * @param fromSavepoint start from this savepoint, stopping nothing (a rollback, or a retry after a failed upgrade)
 * @param timeout how long each wait may take: the savepoint, the new job running, its first checkpoint
 */
public record UpgradeRequest(PipelineId pipeline, String profile, Optional<Path> sqlDirectory, Path jar,
        Optional<String> savepointDirectory, Optional<String> fromSavepoint, Duration timeout) {

    /** The launcher's command line for the new job, as the JobManager runs it: the pipeline at this version. */
    public List<String> programArguments() {
        List<String> arguments = new ArrayList<>(List.of("run"));
        arguments.addAll(pipelineOptions());
        return arguments;
    }

    /** The pipeline and the options that choose its SQL, as any launcher command takes them. */
    List<String> pipelineOptions() {
        List<String> options = new ArrayList<>(List.of(pipeline.toString(), "--profile", profile));
        sqlDirectory.ifPresent(directory -> options.addAll(List.of("--sql-dir", directory.toString())));
        return options;
    }
}
