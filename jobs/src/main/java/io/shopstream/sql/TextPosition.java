package io.shopstream.sql;

/** A 1-based line and column in a text, as editors and compilers print them. */
public record TextPosition(int line, int column) {

    /** The position of {@code offset} in {@code text}; a tab counts as one column, like most compilers count it. */
    public static TextPosition of(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(line, end - lineStart + 1);
    }

    /** The offset in {@code text} of a line and column; positions past a line's end clamp to the end of that line. */
    public static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                return text.length();
            }
            offset = newline + 1;
        }
        int lineEnd = text.indexOf('\n', offset);
        int limit = lineEnd < 0 ? text.length() : lineEnd;
        return Math.min(offset + Math.max(column, 1) - 1, limit);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
