package io.shopstream.plans;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.planning.JobSettings;
import io.shopstream.planning.PipelinePlanner;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.Profile;
import io.shopstream.variables.Variables;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Compiles a pipeline into a plan against a profile's values alone. Environment variables are left out on purpose:
 * the committed plan is a function of the repository, whoever compiles it and wherever. (At run time an environment
 * variable that would change the plan makes {@code run} refuse it: see {@link CommittedPlanGate}.)
 */
public final class PlanCompiler {

    private final PipelinePlanner planner;

    public PlanCompiler(SqlBundle bundle) {
        this.planner = new PipelinePlanner(bundle);
    }

    /** The plan as Flink compiles it (node ids as the planner numbered them). */
    public ObjectNode compile(PipelineFile pipeline, Profile profile) {
        Variables variables = PipelineVariables.forPipeline(pipeline.id(), Variables.of(profile, Map.of())
                .withSecretsUnread());
        Configuration configuration = JobSettings.forPipeline(pipeline.id(), variables);
        TableEnvironment environment = TableEnvironment.create(EnvironmentSettings.newInstance()
                .inStreamingMode()
                .withConfiguration(configuration)
                .build());
        String json = planner.plan(environment, pipeline, variables).compilePlan();
        return PlanJson.parse(json, "the plan Flink compiled for " + pipeline.id());
    }
}
