package io.shopstream.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * One node of a compiled plan (an ExecNode): its id, which the operators it becomes carry in their uids
 * ({@code <id>_<transformation>}) and so in savepoints, its type ({@code stream-exec-group-aggregate_1}: a kind and
 * a version) and the rest of its JSON.
 */
record PlanNode(int id, String type, ObjectNode json) {

    private static final Pattern VERSION_SUFFIX = Pattern.compile("_\\d+$");
    private static final String DEFAULT_PATH = "`default_catalog`.`default_database`.";

    /** The type without its version: {@code stream-exec-group-aggregate}. */
    String kind() {
        return VERSION_SUFFIX.matcher(type).replaceFirst("");
    }

    String description() {
        return json.path("description").asText("");
    }

    /** Whether Flink declared state for it ({@code "state": [{"ttl": ...}]}), which only stateful operators have. */
    boolean declaresState() {
        return json.path("state").isArray() && !json.path("state").isEmpty();
    }

    /** The table a source reads or a sink writes, as the SQL names it ({@code page_view}); empty for other nodes. */
    String table() {
        JsonNode identifier = json.path("scanTableSource").path("table").path("identifier");
        if (identifier.isMissingNode()) {
            identifier = json.path("dynamicTableSink").path("table").path("identifier");
        }
        String text = identifier.asText("");
        return text.startsWith(DEFAULT_PATH) ? text.substring(DEFAULT_PATH.length()).replace("`", "")
                : text.replace("`", "");
    }

    /** The JSON without what says nothing about behaviour: the id (see renumbering) and the generated description. */
    ObjectNode content() {
        ObjectNode content = json.deepCopy();
        content.remove("id");
        content.remove("description");
        return content;
    }
}
