package io.shopstream.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopstream.sql.SqlScript;
import io.shopstream.sql.Statement;
import io.shopstream.sql.StatementSplitter;
import io.shopstream.sql.TextPosition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableResolverTest {

    private static final Variables VARIABLES = Variables.of(
            Profile.parse("local", "profiles/local.properties", "TOPIC_PREFIX=shop.\nWATERMARK_DELAY=5\n"), Map.of());

    private static Statement statement(String text) {
        return StatementSplitter.split(new SqlScript("pipelines/x.v1.sql", text)).get(0);
    }

    @Test
    void replacesEveryVariableWithItsValue() {
        ResolvedStatement resolved = VariableResolver.resolve(
                statement("SELECT '${TOPIC_PREFIX}page_view', ${WATERMARK_DELAY}"), VARIABLES);

        assertThat(resolved.text()).isEqualTo("SELECT 'shop.page_view', 5");
    }

    @Test
    void mapsPositionsAfterAReplacementBackToTheFile() {
        // "${TOPIC_PREFIX}" (15 characters) becomes "shop." (5): everything after it moves 10 columns left.
        ResolvedStatement resolved = VariableResolver.resolve(
                statement("\n  SELECT '${TOPIC_PREFIX}x', colunm FROM t"), VARIABLES);
        int resolvedColumn = resolved.text().indexOf("colunm") + 1;

        assertThat(resolved.originalPosition(1, resolvedColumn)).isEqualTo(new TextPosition(2, 30));
    }

    @Test
    void variablesInCommentsAreLeftAlone() {
        ResolvedStatement resolved = VariableResolver.resolve(
                statement("SELECT 1 -- uses ${NOT_DEFINED}\n/* ${ALSO_NOT} */ + ${WATERMARK_DELAY}"), VARIABLES);

        assertThat(resolved.text()).isEqualTo("SELECT 1 -- uses ${NOT_DEFINED}\n/* ${ALSO_NOT} */ + 5");
    }

    @Test
    void aDoubledDollarIsALiteralReference() {
        assertThat(VariableResolver.resolve(statement("SELECT '$${TOPIC_PREFIX}'"), VARIABLES).text())
                .isEqualTo("SELECT '${TOPIC_PREFIX}'");
    }

    @Test
    void anUnknownVariableIsNamedWithFileLineColumnAndASuggestion() {
        assertThatThrownBy(() -> VariableResolver.resolve(statement("SELECT 1,\n  '${TOPIC_PREFX}t'"), VARIABLES))
                .isInstanceOfSatisfying(UnresolvedVariableException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    UnresolvedVariableException.Problem problem = e.problems().get(0);
                    assertThat(problem.file()).isEqualTo("pipelines/x.v1.sql");
                    assertThat(problem.position()).isEqualTo(new TextPosition(2, 4));
                    assertThat(problem.variable()).isEqualTo("TOPIC_PREFX");
                    assertThat(problem.message()).contains("unknown variable ${TOPIC_PREFX}")
                            .contains("profiles/local.properties")
                            .contains("did you mean ${TOPIC_PREFIX}?");
                    assertThat(e.getMessage()).startsWith("pipelines/x.v1.sql:2:4: unknown variable");
                });
    }

    @Test
    void everyUnknownVariableOfAStatementIsReported() {
        assertThatThrownBy(() -> VariableResolver.resolve(statement("SELECT ${A_B_C}, ${NOPE}"), VARIABLES))
                .isInstanceOfSatisfying(UnresolvedVariableException.class, e -> assertThat(e.problems())
                        .extracting(UnresolvedVariableException.Problem::variable).containsExactly("A_B_C", "NOPE"));
    }

    @Test
    void aMalformedReferenceIsAnError() {
        assertThatThrownBy(() -> VariableResolver.resolve(statement("SELECT '${BAD NAME}'"), VARIABLES))
                .isInstanceOf(UnresolvedVariableException.class)
                .hasMessageContaining("malformed variable reference");
    }
}
