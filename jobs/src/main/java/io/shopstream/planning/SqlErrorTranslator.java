package io.shopstream.planning;

import io.shopstream.sql.TextPosition;
import io.shopstream.variables.ResolvedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Flink throws while parsing, validating or planning a statement into one {@link SqlProblem}: the
 * message of the innermost cause (the one that says what is wrong), positions rewritten from the resolved statement
 * to the analyst's file, and long lists of alternatives cut short.
 */
final class SqlErrorTranslator {

    private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");
    private static final Pattern QUOTED = Pattern.compile("'([^'\\s]{2,})'");
    private static final int MAX_LINES = 12;
    private static final int ALTERNATIVES_SHOWN = 6;

    private SqlErrorTranslator() {}

    static SqlProblem translate(Throwable error, ResolvedStatement statement) {
        List<String> messages = messages(error);
        TextPosition position = null;
        for (String message : messages) {
            Matcher matcher = LINE_COLUMN.matcher(message);
            if (matcher.find()) {
                position = statement.originalPosition(Integer.parseInt(matcher.group(1)),
                        Integer.parseInt(matcher.group(2)));
                break;
            }
        }
        String core = coreMessage(messages);
        if (position == null) {
            position = positionOfQuotedWord(core, statement);
        }
        return new SqlProblem(statement.statement().script().name(), position, tidy(core, statement));
    }

    /** Messages from the outermost to the innermost cause, without blanks and repeats. */
    private static List<String> messages(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = error; t != null && messages.size() < 20; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && (messages.isEmpty() || !messages.contains(message))) {
                messages.add(message.strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (messages.isEmpty()) {
            messages.add(error.getClass().getSimpleName());
        }
        return messages;
    }

    /**
     * The innermost message says what is wrong ({@code Column 'x' not found in any table}); outer ones add context
     * ({@code SQL validation failed. From line 3, column 8 to ...}). A parse error is best read whole from the
     * parser's own message.
     */
    private static String coreMessage(List<String> messages) {
        String innermost = messages.get(messages.size() - 1);
        for (String message : messages) {
            if (message.startsWith("Encountered ") || message.contains("\nEncountered ")) {
                return message.substring(message.indexOf("Encountered "));
            }
        }
        return innermost;
    }

    private static String tidy(String message, ResolvedStatement statement) {
        String text = rewritePositions(message, statement);
        text = shortenAlternatives(text, "Was expecting one of:");
        text = shortenAlternatives(text, "Was expecting:");
        int supported = text.indexOf("Supported options:");
        if (supported >= 0) {
            text = text.substring(0, supported).strip() + "\n(see the connector's documentation for the options it supports)";
        }
        String[] lines = text.strip().split("\n");
        StringBuilder tidied = new StringBuilder();
        int kept = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (kept == MAX_LINES) {
                tidied.append("\n    ...");
                break;
            }
            tidied.append(kept == 0 ? "" : "\n    ").append(line.strip());
            kept++;
        }
        return tidied.toString();
    }

    /** {@code line 1, column 8} of the resolved statement becomes the line and column in the file. */
    private static String rewritePositions(String message, ResolvedStatement statement) {
        Matcher matcher = LINE_COLUMN.matcher(message);
        StringBuilder rewritten = new StringBuilder();
        while (matcher.find()) {
            TextPosition position = statement.originalPosition(Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)));
            matcher.appendReplacement(rewritten, "line " + position.line() + ", column " + position.column());
        }
        matcher.appendTail(rewritten);
        return rewritten.toString();
    }

    private static String shortenAlternatives(String message, String header) {
        int start = message.indexOf(header);
        if (start < 0) {
            return message;
        }
        List<String> alternatives = new ArrayList<>();
        for (String line : message.substring(start + header.length()).split("\n")) {
            String alternative = line.strip();
            if (alternative.endsWith("...")) {
                alternative = alternative.substring(0, alternative.length() - 3).strip();
            }
            if (!alternative.isEmpty()) {
                alternatives.add(alternative);
            }
        }
        String shown = String.join(", ", alternatives.subList(0, Math.min(ALTERNATIVES_SHOWN, alternatives.size())));
        String more = alternatives.size() > ALTERNATIVES_SHOWN
                ? " (and " + (alternatives.size() - ALTERNATIVES_SHOWN) + " more)" : "";
        return message.substring(0, start).strip() + "\n" + header + " " + shown + more;
    }

    /**
     * Errors without a position (an unknown connector, a bad option value) usually quote the culprit: point at the
     * first quoted word of the message that the statement spells out, else at the statement itself.
     */
    private static TextPosition positionOfQuotedWord(String message, ResolvedStatement statement) {
        String original = statement.statement().text();
        // Option names listed one per line ("Unsupported options:") are the most precise culprits.
        for (String line : message.split("\n")) {
            String word = line.strip();
            if (word.matches("[a-z][a-z0-9.-]+")) {
                int at = original.indexOf("'" + word + "'");
                if (at >= 0) {
                    return statement.statement().positionOf(at);
                }
            }
        }
        Matcher quoted = QUOTED.matcher(message);
        while (quoted.find()) {
            int at = original.indexOf("'" + quoted.group(1) + "'");
            if (at >= 0) {
                return statement.statement().positionOf(at);
            }
        }
        return statement.statement().position();
    }
}
