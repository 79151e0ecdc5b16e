package io.shopstream.plans;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stateful operator named as the analyst knows it, with its particulars: {@code the 1-minute tumbling window
 * aggregate per product_id}, {@code the aggregate per session_id}.
 */
final class OperatorNames {

    private OperatorNames() {}

    static String of(PlanGraph graph, PlanNode node) {
        String words = Operators.words(node);
        JsonNode windowing = node.json().path("windowing");
        if (!windowing.isMissingNode() && words.endsWith("window aggregate")) {
            words = "the " + window(windowing.path("window")) + " window aggregate";
        }
        if (node.json().has("grouping") && node.kind().contains("aggregate")) {
            List<String> keys = keys(graph, node);
            words += keys.isEmpty() ? (windowing.isMissingNode() ? " over all rows (no GROUP BY)" : "")
                    : " per " + String.join(", ", keys);
        }
        return words;
    }

    /** The GROUP BY columns of an aggregate, by name (or type, for expressions). */
    static List<String> keys(PlanGraph graph, PlanNode node) {
        RowFields input = graph.inputFields(node);
        List<String> keys = new ArrayList<>();
        for (JsonNode index : node.json().path("grouping")) {
            keys.add(input.at(index.asInt()).map(RowFields.Field::shown).orElse("column " + index.asInt()));
        }
        return keys;
    }

    /** {@code 1-minute tumbling}, {@code 1-hour hopping every 5-minute}, {@code session (gap 30-second)}. */
    static String window(JsonNode window) {
        String type = window.path("type").asText("");
        return switch (type) {
            case "TumblingWindow" -> duration(window.path("size")) + " tumbling";
            case "HoppingWindow" -> duration(window.path("size")) + " hopping (every " + duration(window.path("slide"))
                    + ")";
            case "CumulativeWindow" -> duration(window.path("maxSize")) + " cumulative (step "
                    + duration(window.path("step")) + ")";
            case "SessionWindow" -> "session (gap " + duration(window.path("gap")) + ")";
            default -> type.isEmpty() ? "" : type;
        };
    }

    /** {@code PT1M} as {@code 1-minute}; durations that are not whole seconds in milliseconds. */
    static String duration(JsonNode value) {
        String text = value.asText("");
        try {
            Duration duration = Duration.parse(text);
            if (duration.toMillis() % 3_600_000 == 0) {
                return duration.toHours() + "-hour";
            }
            if (duration.toMillis() % 60_000 == 0) {
                return duration.toMinutes() + "-minute";
            }
            if (duration.toMillis() % 1_000 == 0) {
                return duration.toSeconds() + "-second";
            }
            return duration.toMillis() + "-millisecond";
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
