package io.shopstream.planning;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.secrets.SecretUnavailableException;
import io.shopstream.sql.TextPosition;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.UnknownVariableException;
import io.shopstream.variables.Variables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Parses, validates and plans pipelines exactly as {@code run} would, against one or more profiles, without Kafka
 * or a cluster: connectors are instantiated and checked, nothing connects. Problems are collected (one per file at
 * most, the first), so a single run reports everything the analyst has to fix.
 */
public final class Validator {

    private final SqlBundle bundle;
    private final PipelinePlanner planner;

    public Validator(SqlBundle bundle) {
        this.bundle = bundle;
        this.planner = new PipelinePlanner(bundle);
    }

    /** Problems found, in the order found, without repeats (a broken source shows up once, not per pipeline). */
    public List<SqlProblem> validate(List<PipelineFile> pipelines, List<String> profiles, Map<String, String> environment) {
        List<Callable<List<SqlProblem>>> checks = new ArrayList<>();
        for (String profileName : profiles) {
            // Validation never connects: secrets stay unread, so it runs where they are not (CI).
            Variables variables = Variables.of(bundle.profile(profileName), environment).withSecretsUnread();
            for (PipelineFile pipeline : pipelines) {
                checks.add(() -> validate(pipeline, variables));
            }
        }
        Set<SqlProblem> problems = new LinkedHashSet<>();
        ParallelPlanning.runAll("validation", checks).forEach(problems::addAll);
        return new ArrayList<>(problems);
    }

    private List<SqlProblem> validate(PipelineFile pipeline, Variables profileVariables) {
        Variables variables = PipelineVariables.forPipeline(pipeline.id(), profileVariables);
        try {
            Configuration configuration = JobSettings.forPipeline(pipeline.id(), variables);
            planner.plan(environment(configuration), pipeline, variables).explain();
            return List.of();
        } catch (SqlProblemException e) {
            return e.problems();
        } catch (UnknownVariableException | SecretUnavailableException | IllegalArgumentException e) {
            return List.of(new SqlProblem(profileVariables.profile().source(), new TextPosition(1, 1), e.getMessage()));
        }
    }

    /** Plans {@code pipeline} with the profile's variables, as validation does, and returns the tables it writes. */
    public List<SinkTable> sinks(PipelineFile pipeline, Variables profileVariables) {
        Variables variables = PipelineVariables.forPipeline(pipeline.id(), profileVariables);
        return planner.plan(environment(JobSettings.forPipeline(pipeline.id(), variables)), pipeline, variables).sinks();
    }

    /** A table environment that plans but never runs: what validation needs, and nothing that connects. */
    static TableEnvironment environment(Configuration configuration) {
        return TableEnvironment.create(EnvironmentSettings.newInstance()
                .inStreamingMode()
                .withConfiguration(configuration)
                .build());
    }
}
