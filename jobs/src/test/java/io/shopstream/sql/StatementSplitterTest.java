package io.shopstream.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> split(String text) {
        return StatementSplitter.split(new SqlScript("test.sql", text)).stream().map(Statement::text).toList();
    }

    @Test
    void splitsAtSemicolons() {
        assertThat(split("SELECT 1;\nSELECT 2;")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void keepsATrailingStatementWithoutSemicolon() {
        assertThat(split("SELECT 1; SELECT 2")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void ignoresEmptyStatementsAndScriptsOfCommentsOnly() {
        assertThat(split(";;  ;\n")).isEmpty();
        assertThat(split("-- nothing here;\n/* nor; here */\n")).isEmpty();
    }

    @Test
    void aSemicolonInAStringDoesNotEndTheStatement() {
        assertThat(split("SELECT 'a;b' FROM t; SELECT 2;")).containsExactly("SELECT 'a;b' FROM t", "SELECT 2");
    }

    @Test
    void doubledQuotesAndDashesInAStringAreNotAComment() {
        // The Flink Kubernetes operator's regex splitter cuts this statement at the dashes.
        assertThat(split("SELECT 'it''s -- not a comment' AS s FROM t;\nSELECT 2;"))
                .containsExactly("SELECT 'it''s -- not a comment' AS s FROM t", "SELECT 2");
    }

    @Test
    void lineCommentsMayHoldSemicolonsAndQuotes() {
        assertThat(split("SELECT 1 -- it's; a comment\n  + 1;\nSELECT 2;"))
                .containsExactly("SELECT 1 -- it's; a comment\n  + 1", "SELECT 2");
    }

    @Test
    void blockCommentsMayHoldSemicolonsOverSeveralLines() {
        assertThat(split("SELECT /* one;\n two; 'three */ 1;\nSELECT 2;"))
                .containsExactly("SELECT /* one;\n two; 'three */ 1", "SELECT 2");
    }

    @Test
    void quotedIdentifiersMayHoldSemicolonsDashesAndDoubledQuotes() {
        assertThat(split("SELECT `a;b`, `c--d`, `e``f` FROM t; SELECT \"g;h\", \"i\"\"j\" FROM u;"))
                .containsExactly("SELECT `a;b`, `c--d`, `e``f` FROM t", "SELECT \"g;h\", \"i\"\"j\" FROM u");
    }

    @Test
    void aStatementSetIsOneStatementEvenWithCaseEndInside() {
        String set = "EXECUTE STATEMENT SET BEGIN\n"
                + "  INSERT INTO a SELECT CASE WHEN x > 1 THEN 'big;' ELSE 'small' END FROM t;\n"
                + "  INSERT INTO b SELECT y FROM t;\n"
                + "END";
        List<Statement> statements = StatementSplitter.split(new SqlScript("test.sql", set + ";\nSELECT 2;"));

        assertThat(statements).extracting(Statement::text).containsExactly(set, "SELECT 2");
        assertThat(StatementSplitter.innerStatements(statements.get(0))).extracting(Statement::text).containsExactly(
                "INSERT INTO a SELECT CASE WHEN x > 1 THEN 'big;' ELSE 'small' END FROM t",
                "INSERT INTO b SELECT y FROM t");
        assertThat(StatementSplitter.innerStatements(statements.get(1))).isEmpty();
    }

    @Test
    void aStatementIsPlacedAtItsFirstWordNotAtTheCommentBeforeIt() {
        List<Statement> statements = StatementSplitter.split(new SqlScript("test.sql",
                "-- header\n/* more */\n\n   CREATE TABLE t (a INT);"));

        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).position()).isEqualTo(new TextPosition(4, 4));
        assertThat(statements.get(0).leadingWords()).startsWith("CREATE", "TABLE");
        assertThat(statements.get(0).startsWith("create", "table")).isTrue();
    }

    @Test
    void commentRangesCoverEveryComment() {
        String text = "SELECT 1; -- a\n/* b */ SELECT '-- c';";
        List<int[]> ranges = StatementSplitter.commentRanges(new SqlScript("test.sql", text));

        assertThat(ranges).extracting(range -> text.substring(range[0], range[1]))
                .containsExactly("-- a", "/* b */");
    }

    @Test
    void anUnterminatedStringIsReportedWhereItOpens() {
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT 'abc;\nFROM t;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(new TextPosition(2, 8));
                    assertThat(e.script().name()).isEqualTo("test.sql");
                });
    }

    @Test
    void anUnterminatedBlockCommentIsReportedWhereItOpens() {
        assertThatThrownBy(() -> split("SELECT 1;\n  /* never closed; SELECT 2;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(new TextPosition(2, 3)))
                .hasMessageContaining("never closed");
    }

    @Test
    void anUnterminatedQuotedIdentifierIsReportedWhereItOpens() {
        assertThatThrownBy(() -> split("SELECT `abc FROM t;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(new TextPosition(1, 8)));
    }
}
