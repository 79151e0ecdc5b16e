package io.shopstream.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.sql.SqlToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static List<String> tokens(String text) {
        return SqlLexer.tokenize(new SqlScript("test.sql", text)).stream()
                .map(token -> token.kind() + " " + token.text(text))
                .toList();
    }

    @Test
    void tellsCodeFromCommentsStringsAndQuotedIdentifiers() {
        assertThat(tokens("SELECT 'a''b', `c`, \"d\" -- e\n/* f */;")).containsExactly(
                "WORD SELECT", "WHITESPACE  ", "STRING 'a''b'", "OTHER ,", "WHITESPACE  ", "QUOTED_IDENTIFIER `c`",
                "OTHER ,", "WHITESPACE  ", "QUOTED_IDENTIFIER \"d\"", "WHITESPACE  ", "LINE_COMMENT -- e",
                "WHITESPACE \n", "BLOCK_COMMENT /* f */", "SEMICOLON ;");
    }

    @Test
    void aVariableReferenceIsCodeWhoseWordStartsWithADollar() {
        assertThat(tokens("${TOPIC_PREFIX}x_1")).containsExactly(
                "WORD $", "OTHER {", "WORD TOPIC_PREFIX", "OTHER }", "WORD x_1");
    }

    @Test
    void tokensCoverTheWholeTextWithoutGaps() {
        String text = "CREATE TABLE t (a INT) WITH ('k' = 'v;'); -- end\r\n";
        List<SqlToken> tokens = SqlLexer.tokenize(new SqlScript("test.sql", text));

        int expectedStart = 0;
        for (SqlToken token : tokens) {
            assertThat(token.start()).isEqualTo(expectedStart);
            expectedStart = token.end();
        }
        assertThat(expectedStart).isEqualTo(text.length());
        assertThat(tokens).filteredOn(token -> token.kind() == Kind.SEMICOLON).hasSize(1);
        assertThat(tokens.get(tokens.size() - 2).text(text)).isEqualTo("-- end\r");
    }
}
