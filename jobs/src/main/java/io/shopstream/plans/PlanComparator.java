package io.shopstream.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the SQL's plan now with the committed plan, operator by operator ({@link NodeAlignment}), and decides
 * whether the running job's state carries over: it does unless a stateful operator (aggregate, window, join,
 * deduplication, Top-N, ..., a sink's upsert materializer) changed what it keeps, or an operator holding state (those
 * and the sources and sinks) was removed or, for stateful operators, added.
 */
public final class PlanComparator {

    private PlanComparator() {}

    /** {@code recompiled} (as Flink wrote it) against {@code committed}. */
    public static PlanComparison compare(ObjectNode committed, ObjectNode recompiled) {
        PlanGraph oldGraph = PlanGraph.of(committed);
        PlanGraph newGraph = PlanGraph.of(recompiled);
        NodeAlignment alignment = NodeAlignment.of(oldGraph, newGraph);
        List<Change> changes = new ArrayList<>();
        for (PlanNode node : newGraph.nodes()) {
            Optional<PlanNode> old = alignment.committedOf(node);
            if (old.isEmpty()) {
                changes.add(added(newGraph, node));
            } else if (!old.get().content().equals(node.content())) {
                changes.add(changed(oldGraph, old.get(), newGraph, node));
            }
        }
        alignment.removed().forEach(node -> changes.add(removed(oldGraph, node)));
        Map<Integer, Integer> ids = new HashMap<>();
        int next = maxId(oldGraph) + 1;
        for (PlanNode node : newGraph.nodes()) {
            Optional<PlanNode> old = alignment.committedOf(node);
            ids.put(node.id(), old.isPresent() ? old.get().id() : next++);
        }
        ObjectNode aligned = renumbered(recompiled, ids);
        boolean identical = aligned.equals(committed);
        if (!identical && changes.isEmpty()) {
            changes.add(new Change("the plan", "the same operators are connected differently", false));
        }
        return new PlanComparison(aligned, identical, changes);
    }

    /** A plan with no committed one before it: nodes numbered 1, 2, ... in topological order. */
    public static ObjectNode numbered(ObjectNode recompiled) {
        return numberedFrom(recompiled, 1);
    }

    /**
     * A plan replacing {@code committed} on purpose, its state dropped: numbered after the committed plan's highest
     * id, so no operator takes over an id, and with it the state in an old savepoint, of an operator it is not.
     */
    public static ObjectNode freshStart(ObjectNode committed, ObjectNode recompiled) {
        return numberedFrom(recompiled, maxId(PlanGraph.of(committed)) + 1);
    }

    private static ObjectNode numberedFrom(ObjectNode recompiled, int first) {
        Map<Integer, Integer> ids = new HashMap<>();
        int next = first;
        for (PlanNode node : PlanGraph.of(recompiled).nodes()) {
            ids.put(node.id(), next++);
        }
        return renumbered(recompiled, ids);
    }

    private static Change added(PlanGraph graph, PlanNode node) {
        if (Operators.isSource(node)) {
            return new Change(Operators.words(node), "added (it starts reading where SCAN_STARTUP_MODE says)",
                    false);
        }
        if (Operators.keepsState(node)) {
            return new Change(OperatorNames.of(graph, node), "added: a new stateful operator starts with empty state"
                    + " while the rest of the job resumes, so its first results would be wrong", true);
        }
        return new Change(inContext(graph, node), "added", false);
    }

    private static Change removed(PlanGraph graph, PlanNode node) {
        if (Operators.keepsState(node)) {
            return new Change(OperatorNames.of(graph, node), "removed: a savepoint holds its state and Flink refuses"
                    + " to restore state that has no operator left to go to", true);
        }
        if (Operators.isSource(node) || Operators.isSink(node)) {
            return new Change(Operators.words(node), "removed: a savepoint holds its "
                    + (Operators.isSource(node) ? "read positions" : "open transactions")
                    + " and Flink refuses to restore state that has no operator left to go to", true);
        }
        return new Change(inContext(graph, node), "removed", false);
    }

    private static Change changed(PlanGraph oldGraph, PlanNode old, PlanGraph newGraph, PlanNode node) {
        if (Operators.keepsState(old) || Operators.keepsState(node)) {
            String name = OperatorNames.of(oldGraph, old);
            List<String> stateChanges = StatefulOperatorDiff.between(oldGraph, old, newGraph, node);
            if (!stateChanges.isEmpty()) {
                return new Change(name, String.join("; ", stateChanges), true);
            }
            return new Change(name, "details that do not touch its state: "
                    + String.join("; ", StatelessOperatorDiff.between(old, node)), false);
        }
        String name = Operators.isSource(old) || Operators.isSink(old) ? Operators.words(old)
                : inContext(oldGraph, old);
        return new Change(name, String.join("; ", StatelessOperatorDiff.between(old, node)), false);
    }

    /** A stateless operator named by what it feeds: {@code the filter/projection feeding the aggregate per ...}. */
    private static String inContext(PlanGraph graph, PlanNode node) {
        return graph.downstreamOf(node).stream()
                .filter(NodeAlignment::isAnchor)
                .findFirst()
                .map(anchor -> Operators.words(node) + " feeding " + (Operators.keepsState(anchor)
                        ? OperatorNames.of(graph, anchor) : Operators.words(anchor)))
                .orElse(Operators.words(node));
    }

    private static int maxId(PlanGraph graph) {
        return graph.nodes().stream().mapToInt(PlanNode::id).max().orElse(0);
    }

    private static ObjectNode renumbered(ObjectNode plan, Map<Integer, Integer> ids) {
        ObjectNode copy = plan.deepCopy();
        for (JsonNode node : copy.path("nodes")) {
            ((ObjectNode) node).put("id", ids.get(node.path("id").asInt()));
        }
        for (JsonNode edge : copy.path("edges")) {
            ((ObjectNode) edge).put("source", ids.get(edge.path("source").asInt()));
            ((ObjectNode) edge).put("target", ids.get(edge.path("target").asInt()));
        }
        return copy;
    }
}
