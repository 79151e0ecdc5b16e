package io.shopstream.plans;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One aggregate call of an aggregating operator ({@code COUNT(DISTINCT user_id) AS active_users}), with its
 * arguments resolved from positions to the columns they are, so it can be compared and shown.
 *
 * @param token what decides its state: function, DISTINCT, FILTER, arguments and result type (not its output name)
 * @param text how the analyst reads it
 */
record Aggregate(String token, String text) {

    static List<Aggregate> of(PlanGraph graph, PlanNode node) {
        // A global aggregate's arguments point into the rows its local pre-aggregation received.
        JsonNode localInput = node.json().path("localAggInputRowType");
        RowFields input = localInput.isMissingNode() ? graph.inputFields(node) : RowFields.of(localInput);
        List<Aggregate> aggregates = new ArrayList<>();
        for (JsonNode call : node.json().path("aggCalls")) {
            aggregates.add(of(call, input));
        }
        return aggregates;
    }

    private static Aggregate of(JsonNode call, RowFields input) {
        String function = function(call);
        boolean distinct = call.path("distinct").asBoolean();
        boolean filtered = call.path("filterArg").asInt(-1) >= 0;
        List<String> argumentTokens = new ArrayList<>();
        List<String> argumentTexts = new ArrayList<>();
        for (JsonNode index : call.path("argList")) {
            RowFields.Field field = input.at(index.asInt())
                    .orElse(new RowFields.Field("$column" + index.asInt(), "?"));
            argumentTokens.add(StatefulOperatorDiff.token(field));
            argumentTexts.add(field.generated() ? "an expression" : field.name());
        }
        String arguments = argumentTexts.isEmpty() && "FUNCTION_STAR".equals(call.path("syntax").asText())
                ? "*" : String.join(", ", argumentTexts);
        String text = function + "(" + (distinct ? "DISTINCT " : "") + arguments + ")"
                + (filtered ? " FILTER (WHERE ...)" : "")
                + (call.path("name").isTextual() ? " AS " + call.path("name").asText() : "");
        String token = function + "|" + distinct + "|" + filtered + "|" + call.path("approximate").asBoolean() + "|"
                + call.path("ignoreNulls").asBoolean() + "|" + argumentTokens + "|" + call.path("type").asText();
        return new Aggregate(token, text);
    }

    /** {@code $SUM$1} as {@code SUM}; a user-defined function by its name. */
    private static String function(JsonNode call) {
        String internal = call.path("internalName").asText("");
        if (!internal.isEmpty()) {
            return internal.replaceFirst("^\\$", "").replaceFirst("\\$\\d+$", "");
        }
        for (String field : List.of("systemName", "catalogName")) {
            if (call.path(field).isTextual()) {
                String name = call.path(field).asText();
                return name.substring(name.lastIndexOf('.') + 1).replace("`", "");
            }
        }
        return call.path("class").asText("an aggregate function");
    }
}
