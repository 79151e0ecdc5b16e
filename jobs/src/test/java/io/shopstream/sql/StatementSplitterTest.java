package io.shopstream.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<Statement> statements(String text) {
        return StatementSplitter.split(new SqlScript("test.sql", text));
    }

    private static List<String> split(String text) {
        return statements(text).stream().map(Statement::text).toList();
    }

    // Plain statements

    @Test
    void splitsAtSemicolons() {
        assertThat(split("SELECT 1;\nSELECT 2;")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void splitsSeveralStatementsOnOneLineAndOneStatementOverSeveralLines() {
        assertThat(split("SELECT 1; SELECT 2;\nINSERT INTO t\nSELECT a\nFROM s;"))
                .containsExactly("SELECT 1", "SELECT 2", "INSERT INTO t\nSELECT a\nFROM s");
    }

    @Test
    void keepsATrailingStatementWithoutSemicolon() {
        assertThat(split("SELECT 1; SELECT 2")).containsExactly("SELECT 1", "SELECT 2");
        assertThat(split("SELECT 1;\nSELECT 2\n  -- trailing comment\n")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void ignoresEmptyStatementsAndScriptsOfCommentsOnly() {
        assertThat(split("")).isEmpty();
        assertThat(split(";;  ;\n")).isEmpty();
        assertThat(split("-- nothing here;\n/* nor; here */\n")).isEmpty();
        assertThat(split("SELECT 1;\n-- a comment after the last statement;\n;")).containsExactly("SELECT 1");
    }

    // Strings

    @Test
    void aSemicolonInAStringDoesNotEndTheStatement() {
        assertThat(split("SELECT 'a;b' FROM t; SELECT 2;")).containsExactly("SELECT 'a;b' FROM t", "SELECT 2");
    }

    /**
     * The Flink Kubernetes operator's SqlRunner (examples/flink-sql-runner-example) first deletes every match of
     * {@code (--.*)|(/* ... *\/)} from the script, strings included, then cuts at lines ending with {@code ;}. On this
     * script it deletes {@code -- not a comment' AS note FROM page_view;} and returns ONE statement,
     * {@code "INSERT INTO notes SELECT 'it''s \nINSERT INTO counts SELECT COUNT(*) FROM page_view;"}.
     */
    @Test
    void doubledQuotesAndDashesInAStringAreNotACommentUnlikeInTheOperatorsRegexSplitter() {
        String script = "INSERT INTO notes SELECT 'it''s -- not a comment' AS note FROM page_view;\n"
                + "INSERT INTO counts SELECT COUNT(*) FROM page_view;\n";

        assertThat(split(script)).containsExactly(
                "INSERT INTO notes SELECT 'it''s -- not a comment' AS note FROM page_view",
                "INSERT INTO counts SELECT COUNT(*) FROM page_view");
    }

    @Test
    void aStringMayHoldOnlyADoubledQuoteAndSpanSeveralLines() {
        assertThat(split("SELECT '''', 'a\n;b'; SELECT 2;")).containsExactly("SELECT '''', 'a\n;b'", "SELECT 2");
    }

    // Comments

    @Test
    void lineCommentsMayHoldSemicolonsAndQuotes() {
        assertThat(split("SELECT 1 -- it's; a \"comment`\n  + 1;\nSELECT 2;"))
                .containsExactly("SELECT 1 -- it's; a \"comment`\n  + 1", "SELECT 2");
    }

    @Test
    void blockCommentsMayHoldSemicolonsOverSeveralLines() {
        assertThat(split("SELECT /* one;\n two; 'three */ 1;\nSELECT 2;"))
                .containsExactly("SELECT /* one;\n two; 'three */ 1", "SELECT 2");
        assertThat(split("SELECT /**/ 1 /* -- ; */;")).containsExactly("SELECT /**/ 1");
    }

    @Test
    void aCommentAfterTheLastWordIsNotPartOfTheStatement() {
        assertThat(split("SELECT 1 -- why\n;\nSELECT 2 /* note */;")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void commentRangesCoverEveryCommentAndNoString() {
        String text = "SELECT 1; -- a\n/* b;\n c */ SELECT '-- c', `/* d */`;";
        List<int[]> ranges = StatementSplitter.commentRanges(new SqlScript("test.sql", text));

        assertThat(ranges).extracting(range -> text.substring(range[0], range[1]))
                .containsExactly("-- a", "/* b;\n c */");
        assertThat(ranges.get(0)).containsExactly(10, 14);
    }

    // Quoted identifiers

    @Test
    void backtickIdentifiersMayHoldSemicolonsDashesAndDoubledBackticks() {
        assertThat(split("SELECT `a;b`, `c--d`, `e``f;` FROM t; SELECT 2;"))
                .containsExactly("SELECT `a;b`, `c--d`, `e``f;` FROM t", "SELECT 2");
    }

    @Test
    void doubleQuotedIdentifiersMayHoldSemicolonsDashesAndDoubledQuotes() {
        assertThat(split("SELECT \"g;h\", \"i--j\", \"k\"\"l;\" FROM u; SELECT 2;"))
                .containsExactly("SELECT \"g;h\", \"i--j\", \"k\"\"l;\" FROM u", "SELECT 2");
    }

    @Test
    void aQuoteOfOneKindInsideAQuoteOfAnotherIsPlainText() {
        assertThat(split("SELECT 'a\"b`c' AS `it's`, \"x'y\" FROM t; SELECT 2;"))
                .containsExactly("SELECT 'a\"b`c' AS `it's`, \"x'y\" FROM t", "SELECT 2");
    }

    // EXECUTE STATEMENT SET

    @Test
    void aStatementSetIsOneStatementAndItsInsertsAreItsInnerStatements() {
        String set = "EXECUTE STATEMENT SET BEGIN\n"
                + "  INSERT INTO a SELECT x FROM t;\n"
                + "  INSERT INTO b SELECT y FROM t;\n"
                + "END";
        List<Statement> statements = statements("SET 'k' = 'v';\n" + set + ";\nSELECT 2;");

        assertThat(statements).extracting(Statement::text).containsExactly("SET 'k' = 'v'", set, "SELECT 2");
        assertThat(statements.get(1).leadingWords())
                .containsExactly("EXECUTE", "STATEMENT", "SET", "BEGIN", "INSERT", "INTO");
        List<Statement> inserts = StatementSplitter.innerStatements(statements.get(1));
        assertThat(inserts).extracting(Statement::text)
                .containsExactly("INSERT INTO a SELECT x FROM t", "INSERT INTO b SELECT y FROM t");
        assertThat(inserts).extracting(Statement::position)
                .containsExactly(new TextPosition(3, 3), new TextPosition(4, 3));
        assertThat(inserts.get(0).startsWith("INSERT", "INTO")).isTrue();
    }

    @Test
    void theEndOfACaseInsideAStatementSetDoesNotCloseTheSet() {
        String set = "EXECUTE STATEMENT SET BEGIN\n"
                + "  INSERT INTO a SELECT CASE WHEN x > 1 THEN 'big;' ELSE 'small' END FROM t;\n"
                + "  INSERT INTO b SELECT y FROM t;\n"
                + "END";
        List<Statement> statements = statements(set + ";\nSELECT 2;");

        assertThat(statements).extracting(Statement::text).containsExactly(set, "SELECT 2");
        assertThat(StatementSplitter.innerStatements(statements.get(0))).extracting(Statement::text).containsExactly(
                "INSERT INTO a SELECT CASE WHEN x > 1 THEN 'big;' ELSE 'small' END FROM t",
                "INSERT INTO b SELECT y FROM t");
    }

    @Test
    void nestedCasesAndLowerCaseKeywordsInAStatementSet() {
        String set = "execute statement set begin\n"
                + "  insert into a select case when x > 1 then case when y > 1 then 1 else 2 end else 3 end from t;\n"
                + "  insert into b select case x when 1 then 'end;' end from t;\n"
                + "end";
        List<Statement> statements = statements(set + ";\nselect 2;");

        assertThat(statements).extracting(Statement::text).containsExactly(set, "select 2");
        assertThat(StatementSplitter.innerStatements(statements.get(0))).hasSize(2);
    }

    @Test
    void commentsAndStringsSayingEndDoNotCloseAStatementSet() {
        String set = "EXECUTE STATEMENT SET BEGIN\n"
                + "  -- END;\n"
                + "  INSERT INTO a SELECT 'END;' FROM t; /* END; */\n"
                + "  INSERT INTO b SELECT `END` FROM t;\n"
                + "END";

        assertThat(split(set + ";\nSELECT 2;")).containsExactly(set, "SELECT 2");
    }

    @Test
    void aStatementSetWithoutATerminatingSemicolonEndsTheScript() {
        String set = "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END";

        assertThat(split("SELECT 0;\n" + set)).containsExactly("SELECT 0", set);
    }

    @Test
    void aStatementSetNeverClosedWithEndIsReportedWhereItOpens() {
        // Without this, the set swallowed the rest of the file and its inner statements stopped at the END of the
        // CASE: "INSERT INTO a SELECT CASE WHEN x > 1 THEN 1 ELSE 2".
        String script = "SELECT 0;\n"
                + "  EXECUTE STATEMENT SET BEGIN\n"
                + "  INSERT INTO a SELECT CASE WHEN x > 1 THEN 1 ELSE 2 END FROM t;\n"
                + "  INSERT INTO b SELECT 2;\n";

        assertThatThrownBy(() -> split(script))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(new TextPosition(2, 3));
                    assertThat(e.script().name()).isEqualTo("test.sql");
                })
                .hasMessage("EXECUTE STATEMENT SET BEGIN is never closed with END");
    }

    @Test
    void onlyAStatementSetHasInnerStatements() {
        List<Statement> statements = statements("INSERT INTO a SELECT 1; EXECUTE STATEMENT SET BEGIN END;");

        assertThat(StatementSplitter.innerStatements(statements.get(0))).isEmpty();
        assertThat(StatementSplitter.innerStatements(statements.get(1))).isEmpty();
    }

    @Test
    void wordsOfAnotherStatementNamedBeginDoNotOpenABlock() {
        // BEGIN opens a block only right after EXECUTE STATEMENT SET.
        assertThat(split("SELECT `begin`, begin FROM t; SELECT END FROM t; SELECT 2;"))
                .containsExactly("SELECT `begin`, begin FROM t", "SELECT END FROM t", "SELECT 2");
    }

    // Positions

    @Test
    void aStatementIsPlacedAtItsFirstWordNotAtTheCommentBeforeIt() {
        List<Statement> statements = statements("-- header\n/* more */\n\n   CREATE TABLE t (a INT);");

        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).position()).isEqualTo(new TextPosition(4, 4));
        assertThat(statements.get(0).start()).isEqualTo(25);
        assertThat(statements.get(0).leadingWords()).startsWith("CREATE", "TABLE");
        assertThat(statements.get(0).startsWith("create", "table")).isTrue();
        assertThat(statements.get(0).startsWith("CREATE", "VIEW")).isFalse();
    }

    @Test
    void everyStatementKnowsItsLineAndColumnInTheFile() {
        List<Statement> statements = statements("SELECT 1; SELECT 2; -- two\n\n\t/* x */ INSERT INTO t\n  SELECT 3;");

        assertThat(statements).extracting(Statement::position).containsExactly(
                new TextPosition(1, 1), new TextPosition(1, 11), new TextPosition(3, 10));
        assertThat(statements.get(2).positionOf("INSERT INTO t\n  ".length())).isEqualTo(new TextPosition(4, 3));
        assertThat(statements.get(2)).hasToString("test.sql:3:10: INSERT INTO t\n  SELECT 3");
    }

    @Test
    void commentsInsideAStatementAreKeptAndSkippedForItsLeadingWords() {
        Statement statement = statements("CREATE /* c */ TEMPORARY -- d\n VIEW v AS SELECT 1;").get(0);

        assertThat(statement.text()).isEqualTo("CREATE /* c */ TEMPORARY -- d\n VIEW v AS SELECT 1");
        assertThat(statement.leadingWords()).containsExactly("CREATE", "TEMPORARY", "VIEW", "V", "AS", "SELECT");
    }

    // What cannot be split

    @Test
    void anUnterminatedStringIsReportedWhereItOpens() {
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT 'abc;\nFROM t;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(new TextPosition(2, 8));
                    assertThat(e.script().name()).isEqualTo("test.sql");
                })
                .hasMessage("string literal opened with ' is never closed");
    }

    @Test
    void aStringEndingInADoubledQuoteIsUnterminated() {
        assertThatThrownBy(() -> split("SELECT 'it''"))
                .isInstanceOfSatisfying(SqlSyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(new TextPosition(1, 8)));
    }

    @Test
    void anUnterminatedBlockCommentIsReportedWhereItOpens() {
        assertThatThrownBy(() -> split("SELECT 1;\n  /* never closed; SELECT 2; * /"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> assertThat(e.position())
                        .isEqualTo(new TextPosition(2, 3)));
        assertThatThrownBy(() -> split("SELECT 1 /*/ 2;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(new TextPosition(1, 10)))
                .hasMessage("comment opened with /* is never closed with */");
    }

    @Test
    void anUnterminatedBacktickIdentifierIsReportedWhereItOpens() {
        assertThatThrownBy(() -> split("SELECT `abc FROM t;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(new TextPosition(1, 8)))
                .hasMessage("identifier opened with ` is never closed");
    }

    @Test
    void anUnterminatedDoubleQuotedIdentifierIsReportedWhereItOpens() {
        assertThatThrownBy(() -> split("SELECT 1;\r\n  SELECT \"a\"\"b FROM t;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(new TextPosition(2, 10)))
                .hasMessage("identifier opened with \" is never closed");
    }

    @Test
    void quotesInsideCommentsNeverOpenAnything() {
        assertThat(split("-- it's\nSELECT 1 /* \" ` ' */ + 1;")).containsExactly("SELECT 1 /* \" ` ' */ + 1");
    }
}
