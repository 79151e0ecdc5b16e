package io.shopstream.sql;

import io.shopstream.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts Flink SQL into tokens just finely enough to know what is code, what is a comment and what is quoted: the
 * statement splitter and the variable resolver both need exactly that, and a regular expression cannot tell a
 * {@code --} inside {@code 'it''s -- not a comment'} from a real comment.
 */
final class SqlLexer {

    private final SqlScript script;
    private final String text;
    private int position;

    private SqlLexer(SqlScript script) {
        this.script = script;
        this.text = script.text();
    }

    static List<SqlToken> tokenize(SqlScript script) {
        return new SqlLexer(script).tokens();
    }

    private List<SqlToken> tokens() {
        List<SqlToken> tokens = new ArrayList<>();
        while (position < text.length()) {
            int start = position;
            Kind kind = next();
            tokens.add(new SqlToken(kind, start, position));
        }
        return tokens;
    }

    private Kind next() {
        char c = text.charAt(position);
        if (Character.isWhitespace(c)) {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            return Kind.WHITESPACE;
        }
        if (text.startsWith("--", position)) {
            int newline = text.indexOf('\n', position);
            position = newline < 0 ? text.length() : newline;
            return Kind.LINE_COMMENT;
        }
        if (text.startsWith("/*", position)) {
            int close = text.indexOf("*/", position + 2);
            if (close < 0) {
                throw new SqlSyntaxException(script, position, "comment opened with /* is never closed with */");
            }
            position = close + 2;
            return Kind.BLOCK_COMMENT;
        }
        if (c == '\'') {
            skipQuoted('\'', "string literal opened with ' is never closed");
            return Kind.STRING;
        }
        if (c == '`' || c == '"') {
            skipQuoted(c, "identifier opened with " + c + " is never closed");
            return Kind.QUOTED_IDENTIFIER;
        }
        if (c == ';') {
            position++;
            return Kind.SEMICOLON;
        }
        if (isWordStart(c)) {
            while (position < text.length() && isWordPart(text.charAt(position))) {
                position++;
            }
            return Kind.WORD;
        }
        position++;
        return Kind.OTHER;
    }

    /** Moves past a quoted token whose quote character is escaped by doubling it. */
    private void skipQuoted(char quote, String unterminatedMessage) {
        int start = position;
        position++;
        while (true) {
            int close = text.indexOf(quote, position);
            if (close < 0) {
                throw new SqlSyntaxException(script, start, unterminatedMessage);
            }
            if (close + 1 < text.length() && text.charAt(close + 1) == quote) {
                position = close + 2;
            } else {
                position = close + 1;
                return;
            }
        }
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
