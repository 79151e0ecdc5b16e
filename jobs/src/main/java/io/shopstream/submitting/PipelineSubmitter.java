package io.shopstream.submitting;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.PipelineId;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.planning.JobSettings;
import io.shopstream.planning.PipelinePlanner;
import io.shopstream.planning.PlannedPipeline;
import io.shopstream.plans.CommittedPlanGate;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.Variables;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Plans a pipeline against its variables and submits it as one job ({@code <pipeline>@v<N>}) to a target, with the
 * job settings of {@link JobSettings}: exactly-once checkpoints, UTC, the profile's Flink options. What runs is either
 * the pipeline's committed plan ({@link #fromCommittedPlans}: what {@code run} and {@code local} do, so operator ids,
 * and with them the state in savepoints, stay those of the reviewed plan), or its SQL compiled now ({@code try}, the
 * tests of the SQL itself).
 */
public final class PipelineSubmitter {

    private final PipelinePlanner planner;
    private final Variables variables;
    private final FlinkTarget target;
    private final Optional<CommittedPlanGate> committedPlans;

    private PipelineSubmitter(SqlBundle bundle, Variables variables, FlinkTarget target,
            Optional<CommittedPlanGate> committedPlans) {
        this.planner = new PipelinePlanner(bundle);
        this.variables = variables;
        this.target = target;
        this.committedPlans = committedPlans;
    }

    /** Submits each pipeline's SQL as compiled now. */
    public PipelineSubmitter(SqlBundle bundle, Variables variables, FlinkTarget target) {
        this(bundle, variables, target, Optional.empty());
    }

    /**
     * Submits each pipeline's committed plan for the profile of {@code variables}; refuses (with
     * {@link io.shopstream.plans.PlanMismatchException}) a pipeline whose plan is missing or is not what its SQL
     * compiles to with these variables.
     */
    public static PipelineSubmitter fromCommittedPlans(SqlBundle bundle, Variables variables, FlinkTarget target) {
        return new PipelineSubmitter(bundle, variables, target, Optional.of(new CommittedPlanGate(bundle)));
    }

    public SubmittedPipeline submit(PipelineFile pipeline) {
        return submit(prepare(pipeline));
    }

    /**
     * Plans the pipeline for the target without submitting it: its tables are registered and its sinks known, its
     * committed plan checked against its SQL; nothing runs yet.
     */
    public PlannedPipeline prepare(PipelineFile pipeline) {
        Variables pipelineVariables = PipelineVariables.forPipeline(pipeline.id(), variables);
        Configuration settings = JobSettings.forPipeline(pipeline.id(), pipelineVariables);
        PlannedPipeline planned = planner.plan(environment(settings), pipeline, pipelineVariables);
        if (committedPlans.isEmpty()) {
            return planned;
        }
        String plan = committedPlans.get().planToRun(pipeline.id(), variables.profile().name(),
                planned.compilePlan());
        return planned.executingPlan(plan);
    }

    /**
     * Plans several pipelines as one job {@code jobId}, their SQL compiled now, sharing what they read alike
     * ({@link PipelinePlanner#planTogether}); nothing runs yet.
     */
    public PlannedPipeline prepareTogether(PipelineId jobId, List<PipelineFile> pipelines) {
        Configuration settings = JobSettings.forPipeline(jobId, PipelineVariables.forPipeline(jobId, variables));
        return planner.planTogether(environment(settings), jobId, pipelines, variables);
    }

    private StreamTableEnvironment environment(Configuration settings) {
        return StreamTableEnvironment.create(target.environment(settings),
                EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(settings).build());
    }

    public SubmittedPipeline submit(PlannedPipeline planned) {
        TableResult result = planned.execute();
        return new SubmittedPipeline(planned.id(), planned.sinks(),
                result.getJobClient().orElseThrow(() -> new IllegalStateException(
                        "Flink returned no job for " + planned.id().jobName())));
    }
}
