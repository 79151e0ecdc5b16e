package io.shopstream.plans;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopstream.bundle.PipelineId;
import java.util.Optional;

/**
 * What {@code check} found for one committed plan, or for one pipeline and profile that should have one.
 *
 * @param pipeline the pipeline; empty for a plan file whose name designates none
 * @param planFile the plan's file as messages show it
 * @param comparison the SQL's plan against the committed one, when both exist
 * @param recompiled the SQL's plan now, numbered for writing, when the pipeline exists
 * @param reason for {@link Outcome#NO_PIPELINE}: why the plan has no pipeline
 */
public record PlanVerdict(Outcome outcome, String profile, Optional<PipelineId> pipeline, String planFile,
        Optional<PlanComparison> comparison, Optional<ObjectNode> recompiled, String reason) {

    /** How a committed plan stands against its SQL. */
    public enum Outcome {
        /** The SQL compiles to the committed plan. */
        UP_TO_DATE,
        /** The SQL's plan differs in ways that keep the running job's state; the committed plan is out of date. */
        KEEPS_STATE,
        /** The SQL's plan differs in a stateful operator: the running job's state cannot be restored into it. */
        BREAKS_STATE,
        /** A pipeline without a committed plan. */
        NO_PLAN,
        /** A committed plan without a pipeline (or a profile). */
        NO_PIPELINE
    }

    /** Whether {@code check} passes on this; {@code strict} also fails a plan that is out of date. */
    public boolean passes(boolean strict) {
        return outcome == Outcome.UP_TO_DATE || (outcome == Outcome.KEEPS_STATE && !strict);
    }
}
