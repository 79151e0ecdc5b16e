package io.shopstream.sql;

import java.util.List;
import java.util.Locale;

/**
 * One SQL statement as the analyst wrote it: a range of its script's text, from its first keyword to just before its
 * terminating semicolon, comments inside included. Keeping the range (not a copy) lets every later message point
 * at the line and column in the analyst's file.
 */
public final class Statement {

    private final SqlScript script;
    private final int start;
    private final int end;
    private final List<String> leadingWords;

    Statement(SqlScript script, int start, int end, List<String> leadingWords) {
        this.script = script;
        this.start = start;
        this.end = end;
        this.leadingWords = List.copyOf(leadingWords);
    }

    public SqlScript script() {
        return script;
    }

    /** Offset of the statement's first character in the script. */
    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public String text() {
        return script.text().substring(start, end);
    }

    public TextPosition position() {
        return script.positionOf(start);
    }

    /** Where an offset inside this statement's text lies in the script. */
    public TextPosition positionOf(int offsetInStatement) {
        return script.positionOf(start + offsetInStatement);
    }

    /**
     * Whether the statement opens with these keywords, ignoring case, comments and any words listed as optional
     * ({@code startsWith("CREATE", "TABLE")} is true for {@code CREATE TEMPORARY TABLE} only if TEMPORARY is
     * passed as optional). Only the first few words are kept, which is all classification needs.
     */
    public boolean startsWith(String... keywords) {
        if (leadingWords.size() < keywords.length) {
            return false;
        }
        for (int i = 0; i < keywords.length; i++) {
            if (!leadingWords.get(i).equals(keywords[i].toUpperCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** The first words of the statement, upper case, for classification ({@code [CREATE, TEMPORARY, VIEW, ...]}). */
    public List<String> leadingWords() {
        return leadingWords;
    }

    @Override
    public String toString() {
        return script.name() + ":" + position() + ": " + text();
    }
}
