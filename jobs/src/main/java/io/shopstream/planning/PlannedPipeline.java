package io.shopstream.planning;

import io.shopstream.bundle.PipelineId;
import io.shopstream.variables.ResolvedStatement;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.api.PlanReference;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;

/**
 * A pipeline whose statements all went through Flink's parser and validator, its tables and functions registered in
 * its environment: ready to explain, compile to a plan, or execute (its SQL, or a committed plan of it).
 */
public final class PlannedPipeline {

    private final PipelineId id;
    private final TableEnvironment environment;
    private final StatementSet statementSet;
    private final List<SinkTable> sinks;
    private final List<ResolvedStatement> inserts;
    private final TableDefinitions definitions;
    private final Optional<String> committedPlan;

    PlannedPipeline(PipelineId id, TableEnvironment environment, StatementSet statementSet, List<SinkTable> sinks,
            List<ResolvedStatement> inserts, TableDefinitions definitions, Optional<String> committedPlan) {
        this.id = id;
        this.environment = environment;
        this.statementSet = statementSet;
        this.sinks = List.copyOf(sinks);
        this.inserts = List.copyOf(inserts);
        this.definitions = definitions;
        this.committedPlan = committedPlan;
    }

    public PipelineId id() {
        return id;
    }

    public List<SinkTable> sinks() {
        return sinks;
    }

    /** Runs the optimizer over the whole pipeline: catches what only planning sees (updates into an append sink). */
    public String explain() {
        return PipelinePlanner.atInserts(inserts, definitions, statementSet::explain);
    }

    /**
     * The pipeline compiled by Flink into a plan (its JSON, as Flink writes it). Tables appear in it by identifier and
     * schema only ({@link JobSettings}): their connector options come from the profile when the plan runs.
     */
    public String compilePlan() {
        return PipelinePlanner.atInserts(inserts, definitions, () -> statementSet.compilePlan().asJsonString());
    }

    /**
     * The same pipeline, but executing {@code plan} (a committed plan of it, checked against this SQL by the caller)
     * instead of compiling its SQL again: the plan's tables are looked up in this environment, by identifier.
     */
    public PlannedPipeline executingPlan(String plan) {
        return new PlannedPipeline(id, environment, statementSet, sinks, inserts, definitions, Optional.of(plan));
    }

    /** Whether {@link #execute()} runs a committed plan rather than the SQL compiled now. */
    public boolean runsCommittedPlan() {
        return committedPlan.isPresent();
    }

    /** Submits the pipeline as one job to the environment's cluster: its committed plan if given one, else its SQL. */
    public TableResult execute() {
        if (committedPlan.isPresent()) {
            // Not a SQL problem when it fails: the plan was checked against the SQL; the cluster refused the job
            // (a savepoint that does not fit it, a broker that is not there), and says why.
            return environment.loadPlan(PlanReference.fromJsonString(committedPlan.get())).execute();
        }
        return PipelinePlanner.atInserts(inserts, definitions, statementSet::execute);
    }
}
