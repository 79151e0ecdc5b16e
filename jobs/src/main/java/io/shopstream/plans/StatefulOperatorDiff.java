package io.shopstream.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs, for its state, between a stateful operator of the committed plan and its counterpart in the
 * recompiled one: its implementation, key, aggregates, window, state TTL, options, or anything else Flink stores
 * for it. Column positions are compared through the names and types they point at, so a column moving in the row
 * an operator receives is no change, while the same aggregate over another column is.
 */
final class StatefulOperatorDiff {

    /** Fields that do not shape state: derived (output type, description) or compared through the above. */
    private static final Set<String> NOT_STATE = Set.of("id", "type", "description", "inputProperties", "outputType",
            "localAggInputRowType", "namedWindowProperties", "grouping", "aggCalls", "aggCallNeedRetractions",
            "windowing", "state", "configuration");
    /** Positions inside a window specification: where the time column is, not what the window is. */
    private static final Set<String> WINDOW_POSITIONS = Set.of("timeAttributeIndex", "sliceEnd", "windowStart",
            "windowEnd");

    private final PlanGraph oldGraph;
    private final PlanNode oldNode;
    private final PlanGraph newGraph;
    private final PlanNode newNode;

    private StatefulOperatorDiff(PlanGraph oldGraph, PlanNode oldNode, PlanGraph newGraph, PlanNode newNode) {
        this.oldGraph = oldGraph;
        this.oldNode = oldNode;
        this.newGraph = newGraph;
        this.newNode = newNode;
    }

    /** What changed for the operator's state, in words; empty when its state carries over. */
    static List<String> between(PlanGraph oldGraph, PlanNode oldNode, PlanGraph newGraph, PlanNode newNode) {
        return new StatefulOperatorDiff(oldGraph, oldNode, newGraph, newNode).changes();
    }

    private List<String> changes() {
        List<String> changes = new ArrayList<>();
        if (!oldNode.type().equals(newNode.type())) {
            changes.add("Flink implements it differently now (" + oldNode.type() + " -> " + newNode.type() + ")");
        }
        if (Operators.keepsState(oldNode) != Operators.keepsState(newNode)) {
            changes.add(Operators.keepsState(newNode) ? "it now keeps state" : "it no longer keeps state");
        }
        List<String> oldKeys = OperatorNames.keys(oldGraph, oldNode);
        List<String> newKeys = OperatorNames.keys(newGraph, newNode);
        if (!keyTokens(oldGraph, oldNode).equals(keyTokens(newGraph, newNode))) {
            changes.add("its key (GROUP BY) changed from " + listed(oldKeys) + " to " + listed(newKeys));
        }
        aggregateChanges().ifPresentOrElse(changes::add, () -> retractionChanges().ifPresent(changes::add));
        JsonNode oldWindow = windowOf(oldNode);
        JsonNode newWindow = windowOf(newNode);
        if (!Objects.equals(oldWindow, newWindow)) {
            changes.add("its window changed from " + windowText(oldNode) + " to " + windowText(newNode));
        }
        if (!oldNode.json().path("state").equals(newNode.json().path("state"))) {
            changes.add("its state TTL changed from " + ttl(oldNode) + " to " + ttl(newNode)
                    + " (table.exec.state.ttl): how long state lives is part of what it holds, and Flink cannot"
                    + " restore state across TTL being switched on or off");
        }
        changes.addAll(optionChanges());
        for (String field : otherFields()) {
            JsonNode before = oldNode.json().path(field);
            JsonNode after = newNode.json().path(field);
            if (!before.equals(after)) {
                changes.add("its " + field + " changed from " + shorten(before) + " to " + shorten(after));
            }
        }
        return changes;
    }

    private Optional<String> aggregateChanges() {
        List<Aggregate> before = Aggregate.of(oldGraph, oldNode);
        List<Aggregate> after = Aggregate.of(newGraph, newNode);
        if (before.stream().map(Aggregate::token).toList().equals(after.stream().map(Aggregate::token).toList())) {
            return Optional.empty();
        }
        List<String> beforeTokens = before.stream().map(Aggregate::token).toList();
        List<String> afterTokens = after.stream().map(Aggregate::token).toList();
        List<String> parts = new ArrayList<>();
        List<String> addedText = after.stream().filter(a -> !beforeTokens.contains(a.token())).map(Aggregate::text)
                .toList();
        List<String> removedText = before.stream().filter(a -> !afterTokens.contains(a.token()))
                .map(Aggregate::text).toList();
        if (!addedText.isEmpty()) {
            parts.add("added " + String.join(", ", addedText));
        }
        if (!removedText.isEmpty()) {
            parts.add("removed " + String.join(", ", removedText));
        }
        if (parts.isEmpty()) {
            parts.add("the same ones in another order");
        }
        return Optional.of("its aggregates changed: " + String.join("; ", parts)
                + " (each aggregate's running value is a column of its state)");
    }

    /** Aggregates that now take back (retract) rows, or no longer do, keep other accumulators. */
    private Optional<String> retractionChanges() {
        JsonNode before = oldNode.json().path("aggCallNeedRetractions");
        JsonNode after = newNode.json().path("aggCallNeedRetractions");
        if (before.equals(after)) {
            return Optional.empty();
        }
        return Optional.of("its aggregates' handling of retracted rows changed (" + shorten(before) + " -> "
                + shorten(after) + "): their input now carries updates, or no longer does, and their accumulators"
                + " differ");
    }

    private List<String> optionChanges() {
        List<String> changes = new ArrayList<>();
        JsonNode before = oldNode.json().path("configuration");
        JsonNode after = newNode.json().path("configuration");
        Set<String> keys = new TreeSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (!before.path(key).equals(after.path(key))) {
                changes.add("option " + key + " changed from " + before.path(key).asText("(unset)") + " to "
                        + after.path(key).asText("(unset)"));
            }
        }
        return changes;
    }

    private Set<String> otherFields() {
        Set<String> fields = new LinkedHashSet<>();
        for (ObjectNode json : List.of(oldNode.json(), newNode.json())) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                String field = it.next().getKey();
                if (!NOT_STATE.contains(field)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static List<String> keyTokens(PlanGraph graph, PlanNode node) {
        RowFields input = graph.inputFields(node);
        List<String> tokens = new ArrayList<>();
        for (JsonNode index : node.json().path("grouping")) {
            tokens.add(input.at(index.asInt()).map(StatefulOperatorDiff::token).orElse("#" + index.asInt()));
        }
        return tokens;
    }

    /** A field as compared: its name and type, or its type alone when the planner named it. */
    static String token(RowFields.Field field) {
        return field.generated() ? "<expression> " + field.type() : field.name() + " " + field.type();
    }

    private static JsonNode windowOf(PlanNode node) {
        JsonNode windowing = node.json().path("windowing");
        if (!windowing.isObject()) {
            return windowing;
        }
        ObjectNode window = windowing.deepCopy();
        WINDOW_POSITIONS.forEach(window::remove);
        return window;
    }

    private static String windowText(PlanNode node) {
        JsonNode window = node.json().path("windowing").path("window");
        return window.isMissingNode() ? "none" : OperatorNames.window(window);
    }

    private static String ttl(PlanNode node) {
        List<String> ttls = new ArrayList<>();
        for (JsonNode state : node.json().path("state")) {
            String ttl = state.path("ttl").asText("?");
            ttls.add(ttl.equals("0 ms") ? "none" : ttl);
        }
        return ttls.isEmpty() ? "none" : String.join(" / ", ttls);
    }

    private static String listed(List<String> columns) {
        return columns.isEmpty() ? "(none)" : "[" + String.join(", ", columns) + "]";
    }

    static String shorten(JsonNode value) {
        String text = value.isMissingNode() ? "(none)" : value.toString();
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}
