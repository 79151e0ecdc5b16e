package io.shopstream.variables;

import io.shopstream.sql.Statement;
import io.shopstream.sql.TextPosition;
import java.util.List;

/**
 * A statement with its variables replaced, and the way back: any line and column Flink reports in the resolved text
 * maps to the line and column in the analyst's file, even where a substituted value is longer or shorter than the
 * {@code ${NAME}} it replaced.
 */
public final class ResolvedStatement {

    /** A run of resolved text copied from the original at {@code originalStart}, or produced by one substitution. */
    record Segment(int resolvedStart, int originalStart, int length, boolean substituted) {}

    private final Statement statement;
    private final String text;
    private final List<Segment> segments;

    ResolvedStatement(Statement statement, String text, List<Segment> segments) {
        this.statement = statement;
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    public Statement statement() {
        return statement;
    }

    /** The SQL Flink receives. */
    public String text() {
        return text;
    }

    /** The file position of a 1-based line and column of {@link #text()}. */
    public TextPosition originalPosition(int line, int column) {
        return originalPosition(TextPosition.offsetOf(text, line, column));
    }

    /** The file position of an offset in {@link #text()}; inside a substituted value, the position of its {@code $}. */
    public TextPosition originalPosition(int resolvedOffset) {
        Segment match = segments.isEmpty() ? null : segments.get(0);
        for (Segment segment : segments) {
            if (segment.resolvedStart() <= resolvedOffset) {
                match = segment;
            } else {
                break;
            }
        }
        if (match == null) {
            return statement.position();
        }
        int originalOffset = match.substituted()
                ? match.originalStart()
                : match.originalStart() + Math.min(resolvedOffset - match.resolvedStart(), match.length());
        return statement.positionOf(originalOffset);
    }
}
