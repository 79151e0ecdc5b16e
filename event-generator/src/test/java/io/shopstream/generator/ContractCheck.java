package io.shopstream.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a JSON line against the input contract, independently of how the generator writes events. */
final class ContractCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DECIMALS = Set.of("time_spent", "price", "total_amount");
    private static final Set<String> TYPES = Set.of("page_view", "product_view", "add_to_cart", "purchase");

    private ContractCheck() {}

    /** Empty when {@code line} is a valid event; else the first thing wrong with it. */
    static String problem(String line) {
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return "not JSON";
        }
        if (event == null || !event.isObject()) {
            return "not an object";
        }
        JsonNode type = event.get("event_type");
        if (type == null || !TYPES.contains(type.asText())) {
            return "unknown or missing event_type";
        }
        List<String> fields = EventContract.fieldsOf(type.asText());
        Set<String> present = new HashSet<>();
        event.fieldNames().forEachRemaining(present::add);
        if (!present.equals(new HashSet<>(fields))) {
            return "fields " + present + " instead of " + fields;
        }
        for (String field : fields) {
            JsonNode value = event.get(field);
            boolean typed = field.equals("quantity") ? value.isInt()
                    : DECIMALS.contains(field) ? value.isNumber() : value.isTextual();
            if (!typed) {
                return field + " has the wrong type: " + value;
            }
        }
        try {
            OffsetDateTime.parse(event.get("event_timestamp").asText());
        } catch (DateTimeParseException e) {
            return "event_timestamp does not parse";
        }
        return "";
    }
}
