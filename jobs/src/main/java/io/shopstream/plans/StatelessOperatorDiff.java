package io.shopstream.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What changed in an operator whose state (if any) is not at stake, in the SQL terms of its description. */
final class StatelessOperatorDiff {

    private StatelessOperatorDiff() {}

    static List<String> between(PlanNode oldNode, PlanNode newNode) {
        List<String> changes = new ArrayList<>();
        Map<String, String> before = DescriptionParts.of(oldNode.description());
        Map<String, String> after = DescriptionParts.of(newNode.description());
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String old = before.getOrDefault(key, "(none)");
            String now = after.getOrDefault(key, "(none)");
            if (!old.equals(now)) {
                changes.add(DescriptionParts.word(key) + ": " + DescriptionParts.change(old, now));
            }
        }
        if (changes.isEmpty()) {
            changes.add("its " + String.join(", ", differingFields(oldNode.content(), newNode.content()).stream()
                    .map(field -> field.equals("outputType") ? "output columns" : field).toList()) + " changed");
        }
        return changes;
    }

    private static List<String> differingFields(ObjectNode before, ObjectNode after) {
        Set<String> fields = new LinkedHashSet<>();
        for (ObjectNode json : List.of(before, after)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                fields.add(it.next().getKey());
            }
        }
        return fields.stream().filter(field -> !before.path(field).equals(after.path(field))).toList();
    }
}
