package io.shopstream.submitting;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.planning.JobSettings;
import io.shopstream.planning.PipelinePlanner;
import io.shopstream.planning.PlannedPipeline;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.Variables;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Plans a pipeline against its variables and submits it as one job ({@code <pipeline>@v<N>}) to a target, with the
 * job settings of {@link JobSettings}: exactly-once checkpoints, UTC, the profile's Flink options.
 */
public final class PipelineSubmitter {

    private final PipelinePlanner planner;
    private final Variables variables;
    private final FlinkTarget target;

    public PipelineSubmitter(SqlBundle bundle, Variables variables, FlinkTarget target) {
        this.planner = new PipelinePlanner(bundle);
        this.variables = variables;
        this.target = target;
    }

    public SubmittedPipeline submit(PipelineFile pipeline) {
        return submit(prepare(pipeline));
    }

    /** Plans the pipeline for the target without submitting it: its sinks are known, nothing runs yet. */
    public PlannedPipeline prepare(PipelineFile pipeline) {
        Variables pipelineVariables = PipelineVariables.forPipeline(pipeline.id(), variables);
        Configuration settings = JobSettings.forPipeline(pipeline.id(), pipelineVariables);
        StreamTableEnvironment environment = StreamTableEnvironment.create(target.environment(settings),
                EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(settings).build());
        return planner.plan(environment, pipeline, pipelineVariables);
    }

    public SubmittedPipeline submit(PlannedPipeline planned) {
        TableResult result = planned.execute();
        return new SubmittedPipeline(planned.id(), planned.sinks(),
                result.getJobClient().orElseThrow(() -> new IllegalStateException(
                        "Flink returned no job for " + planned.id().jobName())));
    }
}
