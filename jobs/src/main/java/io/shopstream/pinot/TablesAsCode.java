package io.shopstream.pinot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a controller's schemas and tables in line with {@code pinot-schemas/}: creates what is missing, updates what
 * differs, leaves alone what agrees, idempotently. A config agrees when every value it states is the controller's
 * (the controller fills in defaults the files leave out). Placeholders are resolved from the given values first, then
 * each config is put in the shape of the controller's Pinot version, which is what is sent and what is compared.
 */
public final class TablesAsCode {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What applying does, or would do, to one schema or table. */
    public record Change(String kind, String name, Action action, String difference) {

        @Override
        public String toString() {
            return action.name().toLowerCase(java.util.Locale.ROOT) + " " + kind + " " + name
                    + (difference.isEmpty() ? "" : " (" + difference + ")");
        }
    }

    public enum Action { CREATE, UPDATE, UNCHANGED }

    /** What applying needs of a controller: {@link PinotController} over REST, a fake in the unit tests. */
    interface Controller {

        Optional<JsonNode> schema(String name);

        Optional<JsonNode> realtimeTable(String name);

        void createSchema(JsonNode schema);

        void updateSchema(String name, JsonNode schema);

        void createTable(JsonNode table);

        void updateTable(String name, JsonNode table);
    }

    private final Controller controller;
    private final Map<String, String> placeholders;
    private final PinotConfigShape shape;

    /**
     * @param placeholders values of {@code ${NAME}} in the configs, e.g. TOPIC_PREFIX, KAFKA_BOOTSTRAP_SERVERS
     * @param shape the shape of the controller's Pinot version (see {@link PinotConfigShape#of})
     */
    public TablesAsCode(PinotController controller, Map<String, String> placeholders, PinotConfigShape shape) {
        this((Controller) controller, placeholders, shape);
    }

    TablesAsCode(Controller controller, Map<String, String> placeholders, PinotConfigShape shape) {
        this.controller = controller;
        this.placeholders = Map.copyOf(placeholders);
        this.shape = shape;
    }

    /** Applies {@code tables} (schemas first, then tables), or only says what it would do when {@code dryRun}. */
    public List<Change> apply(List<PinotTable> tables, boolean dryRun) {
        List<Change> changes = new ArrayList<>();
        for (PinotTable table : tables) {
            JsonNode schema = shape.schema(resolve(table.schema()));
            changes.add(reconcile(change("schema", table.name(), schema, controller.schema(table.name())), dryRun,
                    () -> controller.createSchema(schema), () -> controller.updateSchema(table.name(), schema)));
        }
        for (PinotTable table : tables) {
            JsonNode config = shape.table(resolve(table.table()));
            // The controller names a table with its type: the name the file gives is the same table.
            Optional<JsonNode> current = controller.realtimeTable(table.name()).map(JsonNode::deepCopy)
                    .map(actual -> ((ObjectNode) actual).put("tableName", config.path("tableName").asText()));
            changes.add(reconcile(change("table", table.name(), config, current), dryRun,
                    () -> controller.createTable(config), () -> controller.updateTable(table.name(), config)));
        }
        return changes;
    }

    private static Change reconcile(Change change, boolean dryRun, Runnable create, Runnable update) {
        if (!dryRun && change.action() == Action.CREATE) {
            create.run();
        } else if (!dryRun && change.action() == Action.UPDATE) {
            update.run();
        }
        return change;
    }

    private static Change change(String kind, String name, JsonNode wanted, Optional<JsonNode> current) {
        if (current.isEmpty()) {
            return new Change(kind, name, Action.CREATE, "");
        }
        return firstDifference(wanted, current.get(), "")
                .map(difference -> new Change(kind, name, Action.UPDATE, difference))
                .orElseGet(() -> new Change(kind, name, Action.UNCHANGED, ""));
    }

    /**
     * The first value {@code wanted} states that {@code actual} does not have, as {@code path: actual -> wanted};
     * empty when {@code actual} has them all. Arrays compare element by element and must have the same length.
     */
    static Optional<String> firstDifference(JsonNode wanted, JsonNode actual, String path) {
        if (wanted.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = wanted.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String inner = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Optional<String> difference = firstDifference(field.getValue(), actual.path(field.getKey()), inner);
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        if (wanted.isArray()) {
            if (!actual.isArray() || actual.size() != wanted.size()) {
                return Optional.of(path + ": " + shown(actual) + " -> " + wanted);
            }
            for (int i = 0; i < wanted.size(); i++) {
                Optional<String> difference = firstDifference(wanted.get(i), actual.get(i), path + "[" + i + "]");
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        return !actual.isMissingNode() && wanted.asText().equals(actual.asText()) ? Optional.empty()
                : Optional.of(path + ": " + shown(actual) + " -> " + wanted);
    }

    private static String shown(JsonNode actual) {
        return actual.isMissingNode() ? "(none)" : actual.toString();
    }

    private JsonNode resolve(JsonNode config) {
        String text = config.toString();
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            text = text.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PinotConfigException("a value of " + placeholders.keySet() + " broke the JSON: "
                    + e.getMessage());
        }
    }
}
