package io.shopstream.sql;

/**
 * The text of one SQL file and the name it is shown under in messages (a path relative to where the user stands,
 * or {@code <bundled>/...} for the SQL inside the jar).
 */
public record SqlScript(String name, String text) {

    /** Line and column (both 1-based) of an offset in this script's text. */
    public TextPosition positionOf(int offset) {
        return TextPosition.of(text, offset);
    }
}
