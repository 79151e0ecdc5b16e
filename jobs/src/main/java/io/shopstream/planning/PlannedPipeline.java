package io.shopstream.planning;

import io.shopstream.bundle.PipelineId;
import io.shopstream.variables.ResolvedStatement;
import java.util.List;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableResult;

/** A pipeline whose statements all went through Flink's parser and validator: ready to explain or execute. */
public final class PlannedPipeline {

    private final PipelineId id;
    private final StatementSet statementSet;
    private final List<SinkTable> sinks;
    private final List<ResolvedStatement> inserts;
    private final TableDefinitions definitions;

    PlannedPipeline(PipelineId id, StatementSet statementSet, List<SinkTable> sinks, List<ResolvedStatement> inserts,
            TableDefinitions definitions) {
        this.id = id;
        this.statementSet = statementSet;
        this.sinks = List.copyOf(sinks);
        this.inserts = List.copyOf(inserts);
        this.definitions = definitions;
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

    /** Submits the pipeline as one job to the environment's cluster. */
    public TableResult execute() {
        return PipelinePlanner.atInserts(inserts, definitions, statementSet::execute);
    }
}
