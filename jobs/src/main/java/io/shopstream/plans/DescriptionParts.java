package io.shopstream.plans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code key=[value]} parts of a node's description ({@code Calc(select=[a, b], where=[(x > 1)])},
 * {@code TableSourceScan(table=[[..., watermark=[...], idletimeout=[10000]]], fields=[...])}), which say in SQL terms
 * what a node does. Only innermost parts are kept: a part holding other parts repeats their changes.
 */
final class DescriptionParts {

    /** The longest value a message quotes whole. */
    private static final int LONGEST = 200;
    /** Characters kept either side of where a long value changed. */
    private static final int CONTEXT = 40;

    private static final Pattern KEY = Pattern.compile("(\\w+)=\\[");
    private static final Map<String, String> WORDS = Map.of(
            "where", "condition (WHERE)",
            "select", "columns",
            "fields", "columns",
            "watermark", "watermark",
            "idletimeout", "idle timeout (ms)",
            "groupBy", "GROUP BY",
            "distribution", "distribution");

    private DescriptionParts() {}

    static Map<String, String> of(String description) {
        Map<String, String> parts = new LinkedHashMap<>();
        Matcher matcher = KEY.matcher(description);
        while (matcher.find()) {
            int start = matcher.end();
            int depth = 1;
            int end = start;
            while (end < description.length() && depth > 0) {
                char c = description.charAt(end);
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                end++;
            }
            // Flink writes string literals with their charset: _UTF-16LE'purchase'.
            String value = description.substring(start, Math.max(start, end - 1)).replace("_UTF-16LE'", "'");
            if (!KEY.matcher(value).find()) {
                parts.merge(matcher.group(1), value, (a, b) -> a + "; " + b);
            }
        }
        return parts;
    }

    /** How a part is called in the report. */
    static String word(String key) {
        return WORDS.getOrDefault(key, key);
    }

    /**
     * {@code a -> b}; for lists, what was added and removed ({@code added revenue; removed units}), which is what a
     * reader wants from a select of twenty columns.
     */
    static String change(String before, String after) {
        List<String> old = items(before);
        List<String> now = items(after);
        if (old.size() > 2 || now.size() > 2) {
            List<String> added = now.stream().filter(item -> !old.contains(item)).toList();
            List<String> removed = old.stream().filter(item -> !now.contains(item)).toList();
            List<String> parts = new ArrayList<>();
            if (!added.isEmpty()) {
                parts.add("added " + String.join(", ", added));
            }
            if (!removed.isEmpty()) {
                parts.add("removed " + String.join(", ", removed));
            }
            if (!parts.isEmpty()) {
                return String.join("; ", parts);
            }
            if (old.size() == now.size()) {
                return "the same, in another order";
            }
        }
        return changed(before, after);
    }

    /**
     * {@code before -> after}; when they are long, only around where they differ (a long condition's common start
     * and end would push the change itself out of the message).
     */
    private static String changed(String before, String after) {
        if (before.length() <= LONGEST && after.length() <= LONGEST) {
            return before + " -> " + after;
        }
        int prefix = 0;
        int shorter = Math.min(before.length(), after.length());
        while (prefix < shorter && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        int from = Math.max(0, prefix - CONTEXT);
        int keptSuffix = Math.max(0, suffix - CONTEXT);
        return shorten(excerpt(before, from, before.length() - keptSuffix)) + " -> "
                + shorten(excerpt(after, from, after.length() - keptSuffix));
    }

    private static String excerpt(String text, int from, int to) {
        return (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "");
    }

    /** Top-level comma-separated items. */
    private static List<String> items(String value) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ',';
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(value.substring(start, i).trim());
                start = i + 1;
            }
        }
        return items;
    }

    private static String shorten(String text) {
        return text.length() <= LONGEST ? text : text.substring(0, LONGEST - 3) + "...";
    }
}
