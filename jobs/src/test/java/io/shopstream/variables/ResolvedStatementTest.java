package io.shopstream.variables;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.sql.SqlScript;
import io.shopstream.sql.StatementSplitter;
import io.shopstream.sql.TextPosition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolvedStatementTest {

    private static final Variables VARIABLES = Variables.of(Profile.parse("local", "profiles/local.properties",
            "LONG=a-value-much-longer-than-its-reference\nEMPTY=\nX=x\n"), Map.of());

    /** The second statement of {@code header + ";\n" + text}: it starts on line 2, after a comment. */
    private static ResolvedStatement resolve(String text) {
        SqlScript script = new SqlScript("pipelines/p.v1.sql", "SELECT 0;\n/* c */ " + text);
        return VariableResolver.resolve(StatementSplitter.split(script).get(1), VARIABLES);
    }

    @Test
    void textAfterALongerValueMapsBackToItsColumnInTheFile() {
        ResolvedStatement resolved = resolve("SELECT '${LONG}', bad FROM t");

        int bad = resolved.text().indexOf("bad");
        assertThat(resolved.originalPosition(bad)).isEqualTo(new TextPosition(2, 27));
        assertThat(resolved.originalPosition(1, bad + 1)).isEqualTo(new TextPosition(2, 27));
    }

    @Test
    void textAfterAnEmptyValueMapsBackToItsColumnInTheFile() {
        ResolvedStatement resolved = resolve("SELECT '${EMPTY}t', bad FROM t");

        assertThat(resolved.text()).isEqualTo("SELECT 't', bad FROM t");
        assertThat(resolved.originalPosition(resolved.text().indexOf("t'"))).isEqualTo(new TextPosition(2, 25));
        assertThat(resolved.originalPosition(resolved.text().indexOf("bad"))).isEqualTo(new TextPosition(2, 29));
    }

    @Test
    void aPositionInsideASubstitutedValueIsThatOfItsDollar() {
        ResolvedStatement resolved = resolve("SELECT '${LONG}'");

        assertThat(resolved.originalPosition(resolved.text().indexOf("longer"))).isEqualTo(new TextPosition(2, 17));
    }

    @Test
    void laterLinesOfTheResolvedTextMapToLaterLinesOfTheFile() {
        ResolvedStatement resolved = resolve("SELECT ${X},\n  ${LONG} AS v,\n\tbad");

        assertThat(resolved.text()).isEqualTo("SELECT x,\n  a-value-much-longer-than-its-reference AS v,\n\tbad");
        assertThat(resolved.originalPosition(3, 2)).isEqualTo(new TextPosition(4, 2));
        assertThat(resolved.originalPosition(2, 3)).isEqualTo(new TextPosition(3, 3));
        assertThat(resolved.originalPosition(1, 1)).isEqualTo(new TextPosition(2, 9));
    }

    @Test
    void anEscapedReferenceShiftsTheFollowingTextByOneColumn() {
        ResolvedStatement resolved = resolve("SELECT '$${X}', bad");

        assertThat(resolved.text()).isEqualTo("SELECT '${X}', bad");
        assertThat(resolved.originalPosition(resolved.text().indexOf("bad"))).isEqualTo(new TextPosition(2, 25));
    }
}
