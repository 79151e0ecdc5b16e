package io.shopstream.sql;

import io.shopstream.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL script into statements at semicolons that are code: not inside a string, a quoted identifier or a
 * comment, and not inside an {@code EXECUTE STATEMENT SET BEGIN ... END} block, whose inner INSERTs end with their
 * own semicolons. {@code CASE ... END} inside such a block is told apart from the block's END by nesting.
 */
public final class StatementSplitter {

    private static final int LEADING_WORDS_KEPT = 6;

    private StatementSplitter() {}

    public static List<Statement> split(SqlScript script) {
        List<SqlToken> tokens = SqlLexer.tokenize(script);
        return split(script, tokens, 0, tokens.size(), true);
    }

    /** The {@code [start, end)} offsets of every comment in the script, in order. */
    public static List<int[]> commentRanges(SqlScript script) {
        return SqlLexer.tokenize(script).stream()
                .filter(token -> token.kind().isComment())
                .map(token -> new int[] {token.start(), token.end()})
                .toList();
    }

    /**
     * The statements inside an {@code EXECUTE STATEMENT SET BEGIN ... END} statement (its INSERTs), with positions in
     * the same script; empty for any other statement.
     */
    public static List<Statement> innerStatements(Statement statementSet) {
        if (!statementSet.startsWith("EXECUTE", "STATEMENT", "SET", "BEGIN")) {
            return List.of();
        }
        SqlScript script = statementSet.script();
        String text = script.text();
        List<SqlToken> tokens = SqlLexer.tokenize(script);
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.start() < statementSet.start() || token.end() > statementSet.end()) {
                continue;
            }
            if (first < 0 && token.isWord(text, "BEGIN")) {
                first = i + 1;
            }
            if (token.isWord(text, "END")) {
                last = i;
            }
        }
        if (first < 0 || last < first) {
            return List.of();
        }
        return split(script, tokens, first, last, false);
    }

    /**
     * @param blocksMustClose whether a statement set still open at {@code to} is an error: it is at the end of a
     *     script (else its inner statements would end at whatever END came last, a CASE's), not inside a set
     */
    private static List<Statement> split(SqlScript script, List<SqlToken> tokens, int from, int to,
            boolean blocksMustClose) {
        String text = script.text();
        List<Statement> statements = new ArrayList<>();
        int start = -1;
        int end = -1;
        List<String> words = new ArrayList<>();
        BlockTracker block = new BlockTracker();
        for (int i = from; i < to; i++) {
            SqlToken token = tokens.get(i);
            if (!token.kind().isSignificant()) {
                continue;
            }
            if (token.kind() == Kind.SEMICOLON && !block.isOpen()) {
                if (start >= 0) {
                    statements.add(new Statement(script, start, end, words));
                }
                start = -1;
                words = new ArrayList<>();
                block = new BlockTracker();
                continue;
            }
            if (start < 0) {
                start = token.start();
            }
            end = token.end();
            if (token.kind() == Kind.WORD) {
                String word = token.text(text).toUpperCase(Locale.ROOT);
                if (words.size() < LEADING_WORDS_KEPT) {
                    words.add(word);
                }
                block.accept(word);
            }
        }
        if (start >= 0) {
            if (blocksMustClose && block.isOpen()) {
                throw new SqlSyntaxException(script, start, "EXECUTE STATEMENT SET BEGIN is never closed with END");
            }
            statements.add(new Statement(script, start, end, words));
        }
        return statements;
    }

    /** Follows the words of one statement to know whether it is inside a statement-set block. */
    private static final class BlockTracker {
        private final List<String> previous = new ArrayList<>();
        private boolean open;
        private int caseDepth;

        void accept(String word) {
            if (open) {
                if (word.equals("CASE")) {
                    caseDepth++;
                } else if (word.equals("END")) {
                    if (caseDepth > 0) {
                        caseDepth--;
                    } else {
                        open = false;
                    }
                }
            } else if (word.equals("BEGIN") && previous.equals(List.of("EXECUTE", "STATEMENT", "SET"))) {
                open = true;
            }
            previous.add(word);
            if (previous.size() > 3) {
                previous.remove(0);
            }
        }

        boolean isOpen() {
            return open;
        }
    }
}
