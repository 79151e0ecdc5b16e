package io.shopstream.sql;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renames the tables a query reads: each plain word right after {@code FROM} or {@code JOIN} that is a key of the
 * given map becomes its value. Strings, quoted names and comments are left as they are.
 */
public final class TableNames {

    private TableNames() {}

    public static String rename(String query, Map<String, String> renames) {
        SqlScript script = new SqlScript("query", query);
        List<SqlToken> tokens = SqlLexer.tokenize(script);
        StringBuilder renamed = new StringBuilder(query.length());
        Optional<SqlToken> previous = Optional.empty();
        for (SqlToken token : tokens) {
            String text = token.text(query);
            boolean afterFrom = previous.map(word -> word.isWord(query, "FROM") || word.isWord(query, "JOIN"))
                    .orElse(false);
            renamed.append(afterFrom && token.kind() == SqlToken.Kind.WORD ? renames.getOrDefault(text, text) : text);
            if (token.kind().isSignificant()) {
                previous = Optional.of(token);
            }
        }
        return renamed.toString();
    }
}
