package io.shopstream.plans;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopstream.bundle.PipelineId;
import io.shopstream.bundle.SqlBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code run} executes: a pipeline's committed plan, and only when it is exactly what the SQL compiles to with
 * the run's variables (the profile and the environment). Anything else is refused with {@code check}'s words: a
 * missing plan, a plan out of date, a change that cannot keep state, or an environment variable overriding a profile
 * value that is compiled into the plan.
 */
public final class CommittedPlanGate {

    private static final String INDENT = "  ";

    private final CommittedPlans plans;
    private final PlanMessages messages;

    public CommittedPlanGate(SqlBundle bundle) {
        this.plans = CommittedPlans.of(bundle);
        this.messages = new PlanMessages(bundle);
    }

    /**
     * The committed plan of {@code id} for {@code profile}, as Flink reads it.
     *
     * @param recompiled the plan Flink compiles from the SQL now, resolved with the run's variables
     */
    public String planToRun(PipelineId id, String profile, String recompiled) {
        String file = plans.display(id, profile);
        Optional<ObjectNode> committed = plans.parsed(id, profile);
        if (committed.isEmpty()) {
            throw new PlanMismatchException(id + " has no committed plan for profile " + profile + " (" + file
                    + "): " + messages.noPlanAdvice(id) + " (--from-sql runs the SQL compiled now instead, for"
                    + " development: its operator ids are not the committed ones)");
        }
        PlanComparison comparison = PlanComparator.compare(committed.get(),
                PlanJson.parse(recompiled, "the plan Flink compiled for " + id));
        if (comparison.identical()) {
            return PlanJson.write(committed.get());
        }
        List<String> lines = new ArrayList<>();
        if (comparison.breaksState()) {
            lines.add("the SQL of " + id + " does not match its committed plan " + file + ", and the difference"
                    + " cannot keep the running job's state:");
            lines.addAll(PlanMessages.changeLines(comparison.stateChanges(), INDENT));
            lines.addAll(messages.breaksStateAdvice(id, INDENT, true));
        } else {
            lines.add("the committed plan " + file + " is out of date; the SQL of " + id + " now differs from it in"
                    + " ways that keep state:");
            lines.addAll(PlanMessages.changeLines(comparison.changes(), INDENT));
            lines.add(INDENT + messages.refreshAdvice(id));
        }
        lines.add(INDENT + "If the SQL and its plans are as committed, an environment variable overrides a value of"
                + " profile " + profile + " that is compiled into the plan (WATERMARK_DELAY, SOURCE_IDLE_TIMEOUT,"
                + " SESSION_STATE_TTL...): set it in the profile instead.");
        throw new PlanMismatchException(String.join("\n", lines));
    }
}
