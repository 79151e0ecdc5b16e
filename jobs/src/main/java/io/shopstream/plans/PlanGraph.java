package io.shopstream.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled plan as a graph: its nodes in topological order (inputs first; among nodes that are ready at once, in
 * the order of the file) and the edges between them.
 */
final class PlanGraph {

    private final ObjectNode root;
    private final List<PlanNode> nodes;
    private final Map<Integer, List<PlanNode>> inputs = new HashMap<>();
    private final Map<Integer, List<PlanNode>> outputs = new HashMap<>();

    private PlanGraph(ObjectNode root) {
        this.root = root;
        Map<Integer, PlanNode> byId = new LinkedHashMap<>();
        for (JsonNode node : root.path("nodes")) {
            PlanNode planNode = new PlanNode(node.path("id").asInt(), node.path("type").asText(), (ObjectNode) node);
            if (byId.put(planNode.id(), planNode) != null) {
                throw new PlanFileException("the plan has two nodes with id " + planNode.id());
            }
        }
        for (JsonNode edge : root.path("edges")) {
            PlanNode source = byId.get(edge.path("source").asInt());
            PlanNode target = byId.get(edge.path("target").asInt());
            if (source == null || target == null) {
                throw new PlanFileException("the plan has an edge to or from a node it does not have: " + edge);
            }
            outputs.computeIfAbsent(source.id(), id -> new ArrayList<>()).add(target);
            inputs.computeIfAbsent(target.id(), id -> new ArrayList<>()).add(source);
        }
        this.nodes = topologicalOrder(byId);
    }

    static PlanGraph of(ObjectNode plan) {
        return new PlanGraph(plan);
    }

    ObjectNode root() {
        return root;
    }

    List<PlanNode> nodes() {
        return nodes;
    }

    List<PlanNode> inputsOf(PlanNode node) {
        return inputs.getOrDefault(node.id(), List.of());
    }

    List<PlanNode> outputsOf(PlanNode node) {
        return outputs.getOrDefault(node.id(), List.of());
    }

    /** The first input's output row type: the rows a node receives. */
    RowFields inputFields(PlanNode node) {
        List<PlanNode> from = inputsOf(node);
        return from.isEmpty() ? RowFields.none() : RowFields.of(from.get(0).json().path("outputType"));
    }

    /** Every node reachable downstream of {@code node}, nearest first. */
    List<PlanNode> downstreamOf(PlanNode node) {
        Set<PlanNode> seen = new LinkedHashSet<>();
        Deque<PlanNode> queue = new ArrayDeque<>(outputsOf(node));
        while (!queue.isEmpty()) {
            PlanNode next = queue.poll();
            if (seen.add(next)) {
                queue.addAll(outputsOf(next));
            }
        }
        return new ArrayList<>(seen);
    }

    private List<PlanNode> topologicalOrder(Map<Integer, PlanNode> byId) {
        Map<Integer, Integer> waitingFor = new HashMap<>();
        byId.values().forEach(node -> waitingFor.put(node.id(), inputsOf(node).size()));
        List<PlanNode> ordered = new ArrayList<>();
        Set<Integer> done = new LinkedHashSet<>();
        while (ordered.size() < byId.size()) {
            PlanNode ready = byId.values().stream()
                    .filter(node -> !done.contains(node.id()) && waitingFor.get(node.id()) == 0)
                    .findFirst()
                    .orElseThrow(() -> new PlanFileException("the plan's edges form a cycle"));
            done.add(ready.id());
            ordered.add(ready);
            outputsOf(ready).forEach(next -> waitingFor.merge(next.id(), -1, Integer::sum));
        }
        return List.copyOf(ordered);
    }
}
