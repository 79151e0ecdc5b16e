package io.shopstream.cli;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import java.util.List;

/**
 * The pipelines and profiles a command that compiles without running ({@code validate}, {@code check}) works on:
 * the pipelines named, else every one; the profile named, else every one.
 */
record PipelineSelection(SqlBundle bundle, List<PipelineFile> pipelines, List<String> profiles) {

    static PipelineSelection of(SqlBundle bundle, List<String> pipelineReferences, String profile) {
        return new PipelineSelection(bundle,
                pipelineReferences.isEmpty() ? bundle.pipelines() : bundle.select(pipelineReferences),
                profile != null ? List.of(bundle.profile(profile).name()) : bundle.profileNames());
    }

    /** The progress line: {@code Validating 4 pipelines of sql against profiles local, prod...}. */
    String progress(String doing, String against) {
        return doing + " " + pipelines.size() + (pipelines.size() == 1 ? " pipeline of " : " pipelines of ")
                + bundle.displayRoot() + " against " + against + (profiles.size() == 1 ? " " : "s ")
                + String.join(", ", profiles) + "...";
    }
}
