package io.shopstream.pinot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A Pinot query's answer: its columns, their Pinot types ({@code LONG}, {@code STRING}, ...) and its rows. */
public record QueryResult(List<String> columns, List<String> types, List<List<String>> rows) {

    private static final Set<String> NUMBERS = Set.of("INT", "LONG", "FLOAT", "DOUBLE", "BIG_DECIMAL");

    public QueryResult {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        rows = rows.stream().map(row -> (List<String>) new ArrayList<>(row)).toList();
    }

    /** The answer as a text table: a header, a rule, then one line per row, numbers aligned right. */
    public List<String> table() {
        int[] widths = new int[columns.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = columns.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], String.valueOf(row.get(column)).length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(columns, widths, false));
        StringBuilder rule = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            rule.append(column == 0 ? "" : "-+-").append("-".repeat(widths[column]));
        }
        lines.add(rule.toString());
        rows.forEach(row -> lines.add(line(row, widths, true)));
        return lines;
    }

    private String line(List<String> cells, int[] widths, boolean alignNumbers) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            String cell = String.valueOf(cells.get(column));
            boolean right = alignNumbers && NUMBERS.contains(types.get(column));
            line.append(column == 0 ? "" : " | ")
                    .append(String.format("%" + (right ? "" : "-") + widths[column] + "s", cell));
        }
        return line.toString().stripTrailing();
    }
}
