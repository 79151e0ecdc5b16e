package io.shopstream.plans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which node of a recompiled plan is which node of the committed one. Node ids cannot say: the planner numbers nodes
 * as it creates them, so one filter more shifts every id after it. Nodes are matched by their role instead:
 * <ul>
 *   <li>a source by the table it reads, a sink by the table it writes;</li>
 *   <li>a stateful operator by its kind, the sinks it feeds and its rank among the operators of that kind feeding
 *       those sinks, in topological order (the second aggregate feeding {@code session_metrics}); failing that (its
 *       sinks changed), by its kind and rank among the operators left;</li>
 *   <li>a stateless operator by its kind and the stateful operator or sink it feeds: first with a node of identical
 *       content, then by rank, so an inserted filter shows as added rather than shifting its neighbours.</li>
 * </ul>
 * What is left over was added (in the new plan) or removed (from the committed one).
 */
final class NodeAlignment {

    private final Map<PlanNode, PlanNode> newToOld = new IdentityHashMap<>();
    private final List<PlanNode> added = new ArrayList<>();
    private final List<PlanNode> removed = new ArrayList<>();

    private NodeAlignment() {}

    static NodeAlignment of(PlanGraph committed, PlanGraph recompiled) {
        NodeAlignment alignment = new NodeAlignment();
        Map<String, List<PlanNode>> oldSlots = slots(committed);
        Map<String, List<PlanNode>> newSlots = slots(recompiled);
        List<PlanNode> pairedOld = new ArrayList<>();
        for (Map.Entry<String, List<PlanNode>> slot : newSlots.entrySet()) {
            List<PlanNode> olds = new ArrayList<>(oldSlots.getOrDefault(slot.getKey(), List.of()));
            List<PlanNode> news = new ArrayList<>(slot.getValue());
            // Identical content first, then the rest in order.
            for (PlanNode node : List.copyOf(news)) {
                Optional<PlanNode> same = olds.stream().filter(old -> old.content().equals(node.content())).findFirst();
                same.ifPresent(old -> {
                    alignment.newToOld.put(node, old);
                    olds.remove(old);
                    news.remove(node);
                    pairedOld.add(old);
                });
            }
            for (int i = 0; i < Math.min(olds.size(), news.size()); i++) {
                alignment.newToOld.put(news.get(i), olds.get(i));
                pairedOld.add(olds.get(i));
            }
        }
        // A stateful operator whose sinks changed (an INSERT removed from a statement set) is still itself.
        Map<String, List<PlanNode>> oldLeft = statefulByKind(committed.nodes().stream()
                .filter(node -> pairedOld.stream().noneMatch(old -> old == node)).toList());
        Map<String, List<PlanNode>> newLeft = statefulByKind(recompiled.nodes().stream()
                .filter(node -> !alignment.newToOld.containsKey(node)).toList());
        newLeft.forEach((kind, news) -> {
            List<PlanNode> olds = oldLeft.getOrDefault(kind, List.of());
            for (int i = 0; i < Math.min(olds.size(), news.size()); i++) {
                alignment.newToOld.put(news.get(i), olds.get(i));
                pairedOld.add(olds.get(i));
            }
        });
        recompiled.nodes().stream().filter(node -> !alignment.newToOld.containsKey(node)).forEach(alignment.added::add);
        committed.nodes().stream().filter(node -> pairedOld.stream().noneMatch(old -> old == node))
                .forEach(alignment.removed::add);
        return alignment;
    }

    /** The committed node a recompiled node stands for, if any. */
    Optional<PlanNode> committedOf(PlanNode recompiled) {
        return Optional.ofNullable(newToOld.get(recompiled));
    }

    List<PlanNode> added() {
        return added;
    }

    List<PlanNode> removed() {
        return removed;
    }

    private static Map<String, List<PlanNode>> statefulByKind(List<PlanNode> nodes) {
        Map<String, List<PlanNode>> byKind = new LinkedHashMap<>();
        nodes.stream()
                .filter(node -> Operators.keepsState(node) && !Operators.isSource(node) && !Operators.isSink(node))
                .forEach(node -> byKind.computeIfAbsent(node.kind(), kind -> new ArrayList<>()).add(node));
        return byKind;
    }

    /** Nodes grouped by the role they play; within a group, in topological order. */
    private static Map<String, List<PlanNode>> slots(PlanGraph graph) {
        Map<PlanNode, String> anchors = new IdentityHashMap<>();
        Map<String, Integer> ranks = new HashMap<>();
        for (PlanNode node : graph.nodes()) {
            if (isAnchor(node)) {
                String group = anchorGroup(graph, node);
                int rank = ranks.merge(group, 1, Integer::sum) - 1;
                anchors.put(node, group + " #" + rank);
            }
        }
        Map<String, List<PlanNode>> slots = new LinkedHashMap<>();
        for (PlanNode node : graph.nodes()) {
            String slot = anchors.containsKey(node) ? anchors.get(node)
                    : node.kind() + " -> " + graph.downstreamOf(node).stream()
                            .filter(NodeAlignment::isAnchor)
                            .findFirst()
                            .map(anchors::get)
                            .orElse("(nothing)");
            slots.computeIfAbsent(slot, key -> new ArrayList<>()).add(node);
        }
        return slots;
    }

    /** Nodes whose state a savepoint holds: sources, sinks and stateful operators. */
    static boolean isAnchor(PlanNode node) {
        return Operators.isSource(node) || Operators.isSink(node) || Operators.keepsState(node);
    }

    private static String anchorGroup(PlanGraph graph, PlanNode node) {
        if (Operators.isSource(node)) {
            return "source " + node.table();
        }
        if (Operators.isSink(node)) {
            return "sink " + node.table();
        }
        TreeSet<String> sinks = new TreeSet<>();
        graph.downstreamOf(node).stream().filter(Operators::isSink).forEach(sink -> sinks.add(sink.table()));
        return node.kind() + " -> " + String.join(", ", sinks);
    }
}
