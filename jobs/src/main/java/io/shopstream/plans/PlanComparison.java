package io.shopstream.plans;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The SQL's plan now against the committed one.
 *
 * @param plan the SQL's plan with the committed node ids carried over to the nodes they stand for: what {@code plan}
 *     writes, so a savepoint's state finds its operators (their uids are {@code <node id>_<transformation>})
 * @param identical whether that plan is the committed one
 * @param changes every difference, in topological order
 */
public record PlanComparison(ObjectNode plan, boolean identical, List<Change> changes) {

    public PlanComparison {
        changes = List.copyOf(changes);
    }

    public boolean breaksState() {
        return changes.stream().anyMatch(Change::breaksState);
    }

    public List<Change> stateChanges() {
        return changes.stream().filter(Change::breaksState).toList();
    }

    public List<Change> otherChanges() {
        return changes.stream().filter(change -> !change.breaksState()).toList();
    }

    /** The plan as the committed file would hold it. */
    public String planText() {
        return PlanJson.write(plan);
    }
}
