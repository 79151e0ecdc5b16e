package io.shopstream.plans;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of a row type as a plan writes it: either a string ({@code ROW<`session_id` VARCHAR(2147483647), ...>})
 * or, for types a string cannot carry (time attributes), an object with {@code fields}. Operators refer to their
 * input's fields by position; this turns a position back into the name and type the analyst wrote.
 */
final class RowFields {

    /** A field of a row: its name and its type as text. */
    record Field(String name, String type) {

        private static final Pattern GENERATED = Pattern.compile("\\$f\\d+|EXPR\\$\\d+|\\$\\w+|\\w+\\$\\d+");

        /**
         * Whether the planner made the name up ({@code $f3}, {@code EXPR$0}): such names follow positions, not the
         * SQL, so they say nothing when they change.
         */
        boolean generated() {
            return GENERATED.matcher(name).matches();
        }

        /** How the analyst knows the field: its name, or its type when the planner named it. */
        String shown() {
            return generated() ? "an expression of type " + type : name;
        }
    }

    private final List<Field> fields;

    private RowFields(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    static RowFields none() {
        return new RowFields(List.of());
    }

    static RowFields of(JsonNode type) {
        if (type.isObject()) {
            List<Field> fields = new ArrayList<>();
            for (JsonNode field : type.path("fields")) {
                JsonNode fieldType = field.path("fieldType");
                fields.add(new Field(field.path("name").asText(),
                        fieldType.isTextual() ? fieldType.asText() : describe(fieldType)));
            }
            return new RowFields(fields);
        }
        return new RowFields(parse(type.asText("")));
    }

    Optional<Field> at(int index) {
        return index >= 0 && index < fields.size() ? Optional.of(fields.get(index)) : Optional.empty();
    }

    List<Field> fields() {
        return fields;
    }

    /** The time attributes of the object form: {@code TIMESTAMP_WITH_LOCAL_TIME_ZONE(3) ROWTIME}. */
    private static String describe(JsonNode type) {
        StringBuilder text = new StringBuilder(type.path("type").asText("?"));
        if (type.has("precision")) {
            text.append('(').append(type.path("precision").asInt()).append(')');
        }
        if (type.has("kind")) {
            text.append(' ').append(type.path("kind").asText());
        }
        return text.toString();
    }

    /** {@code ROW<`a` INT, `b` MAP<STRING, INT>> NOT NULL}: the fields, split where no bracket or quote is open. */
    private static List<Field> parse(String type) {
        int open = type.indexOf('<');
        int close = type.lastIndexOf('>');
        if (!type.startsWith("ROW") || open < 0 || close < open) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>();
        String body = type.substring(open + 1, close);
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ',';
            if (c == '`') {
                quoted = !quoted;
            } else if (!quoted && (c == '<' || c == '(')) {
                depth++;
            } else if (!quoted && (c == '>' || c == ')')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                field(body.substring(start, i).trim()).ifPresent(fields::add);
                start = i + 1;
            }
        }
        return fields;
    }

    private static Optional<Field> field(String text) {
        if (!text.startsWith("`")) {
            return Optional.empty();
        }
        int end = 1;
        StringBuilder name = new StringBuilder();
        while (end < text.length()) {
            char c = text.charAt(end);
            if (c == '`' && end + 1 < text.length() && text.charAt(end + 1) == '`') {
                name.append('`');
                end += 2;
            } else if (c == '`') {
                break;
            } else {
                name.append(c);
                end++;
            }
        }
        return Optional.of(new Field(name.toString(), text.substring(Math.min(end + 1, text.length())).trim()));
    }
}
