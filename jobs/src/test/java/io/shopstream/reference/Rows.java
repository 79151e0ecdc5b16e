package io.shopstream.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Output rows compared as data, not text: column names exact, numbers by value ({@code 0.30} equals {@code 0.3},
 * {@code 3} equals {@code 3.0}), row and key order irrelevant. A mismatch lists the missing and unexpected rows.
 */
public final class Rows {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Rows() {}

    /** Rows of a JSON-lines file, blank lines skipped. */
    public static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each JSON object as a canonical text: keys sorted, numbers in their shortest exact form. */
    public static List<String> canonical(List<String> jsonLines) {
        List<String> rows = new ArrayList<>();
        for (String line : jsonLines) {
            rows.add(canonical(parse(line)).toString());
        }
        rows.sort(null);
        return rows;
    }

    /** Throws an {@link AssertionError} naming the missing and unexpected rows when the two differ as data. */
    public static void assertSameRows(List<String> actualJsonLines, List<String> expectedJsonLines, String what) {
        List<String> actual = canonical(actualJsonLines);
        List<String> expected = canonical(expectedJsonLines);
        if (actual.equals(expected)) {
            return;
        }
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> unexpected = new ArrayList<>(actual);
        expected.forEach(unexpected::remove);
        throw new AssertionError(what + ": " + actual.size() + " rows, expected " + expected.size()
                + "\nmissing (" + missing.size() + "):\n  " + String.join("\n  ", missing)
                + "\nunexpected (" + unexpected.size() + "):\n  " + String.join("\n  ", unexpected));
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + line, e);
        }
    }

    private static Object canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), canonical(field.getValue()));
            }
            return fields;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        }
        if (node.isTextual()) {
            return '"' + node.asText() + '"';
        }
        return node.toString();
    }
}
