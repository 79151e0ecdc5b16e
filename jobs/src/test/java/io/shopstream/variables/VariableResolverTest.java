package io.shopstream.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopstream.sql.SqlScript;
import io.shopstream.sql.Statement;
import io.shopstream.sql.StatementSplitter;
import io.shopstream.sql.TextPosition;
import io.shopstream.variables.UnresolvedVariableException.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableResolverTest {

    private static final Variables VARIABLES = Variables.of(
            Profile.parse("local", "profiles/local.properties", "TOPIC_PREFIX=shop.\nWATERMARK_DELAY=5\n"), Map.of());

    /** The last statement of a script, so that a statement may start below the file's first line. */
    private static Statement statement(String script) {
        List<Statement> statements = StatementSplitter.split(new SqlScript("pipelines/x.v1.sql", script));
        return statements.get(statements.size() - 1);
    }

    private static List<Problem> problems(String script, Variables variables) {
        try {
            VariableResolver.resolve(statement(script), variables);
        } catch (UnresolvedVariableException e) {
            return e.problems();
        }
        throw new AssertionError("expected unresolved variables in: " + script);
    }

    @Test
    void replacesEveryVariableWithItsValue() {
        ResolvedStatement resolved = VariableResolver.resolve(
                statement("SELECT '${TOPIC_PREFIX}page_view', ${WATERMARK_DELAY}, '${TOPIC_PREFIX}${TOPIC_PREFIX}'"),
                VARIABLES);

        assertThat(resolved.text()).isEqualTo("SELECT 'shop.page_view', 5, 'shop.shop.'");
        assertThat(resolved.statement().text()).startsWith("SELECT '${TOPIC_PREFIX}page_view'");
    }

    @Test
    void aStatementWithoutVariablesIsUnchanged() {
        String text = "SELECT a, '$', 'x}' FROM t WHERE b = 'c'";

        assertThat(VariableResolver.resolve(statement(text), VARIABLES).text()).isEqualTo(text);
    }

    @Test
    void valuesComeFromOverridesTheEnvironmentAndTheProfile() {
        Variables variables = Variables.of(VARIABLES.profile(), Map.of("WATERMARK_DELAY", "30"))
                .with(Map.of("OUTPUT_TOPIC", "shop.x_v1"));

        assertThat(VariableResolver.resolve(
                statement("SELECT '${OUTPUT_TOPIC}', ${WATERMARK_DELAY}, '${TOPIC_PREFIX}'"), variables).text())
                .isEqualTo("SELECT 'shop.x_v1', 30, 'shop.'");
    }

    @Test
    void mapsPositionsAfterAReplacementBackToTheFile() {
        // "${TOPIC_PREFIX}" (15 characters) becomes "shop." (5): everything after it moves 10 columns left.
        ResolvedStatement resolved = VariableResolver.resolve(
                statement("\n  SELECT '${TOPIC_PREFIX}x', colunm FROM t"), VARIABLES);
        int resolvedColumn = resolved.text().indexOf("colunm") + 1;

        assertThat(resolvedColumn).isEqualTo(18);
        assertThat(resolved.originalPosition(1, resolvedColumn)).isEqualTo(new TextPosition(2, 30));
    }

    @Test
    void variablesInCommentsAreLeftAloneEvenWhenUnknown() {
        ResolvedStatement resolved = VariableResolver.resolve(
                statement("SELECT 1 -- uses ${NOT_DEFINED}\n/* ${ALSO_NOT}\n ${NOR_THIS} */ + ${WATERMARK_DELAY}"),
                VARIABLES);

        assertThat(resolved.text()).isEqualTo("SELECT 1 -- uses ${NOT_DEFINED}\n/* ${ALSO_NOT}\n ${NOR_THIS} */ + 5");
    }

    @Test
    void aDoubledDollarIsALiteralReferenceAndNeedsNoValue() {
        assertThat(VariableResolver.resolve(statement("SELECT '$${TOPIC_PREFIX}', '$${NOT_DEFINED}'"), VARIABLES)
                .text()).isEqualTo("SELECT '${TOPIC_PREFIX}', '${NOT_DEFINED}'");
    }

    @Test
    void anUnknownVariableIsNamedWithFileLineColumnAndASuggestion() {
        List<Problem> problems = problems("SELECT 1;\n\nSELECT 1,\n  '${TOPIC_PREFX}t'", VARIABLES);

        assertThat(problems).hasSize(1);
        Problem problem = problems.get(0);
        assertThat(problem.file()).isEqualTo("pipelines/x.v1.sql");
        assertThat(problem.position()).isEqualTo(new TextPosition(4, 4));
        assertThat(problem.variable()).isEqualTo("TOPIC_PREFX");
        assertThat(problem.message()).isEqualTo("unknown variable ${TOPIC_PREFX}: not set in profiles/local.properties"
                + " nor in the environment (did you mean ${TOPIC_PREFIX}?)");
        assertThat(problem).hasToString("pipelines/x.v1.sql:4:4: " + problem.message());
    }

    @Test
    void theExceptionMessageListsEveryProblemAsFileLineColumn() {
        assertThatThrownBy(() -> VariableResolver.resolve(statement("SELECT ${NOPE},\n ${WATERMARK_DELAI}"), VARIABLES))
                .isInstanceOf(UnresolvedVariableException.class)
                .hasMessage("pipelines/x.v1.sql:1:8: unknown variable ${NOPE}: not set in profiles/local.properties"
                        + " nor in the environment\n"
                        + "pipelines/x.v1.sql:2:2: unknown variable ${WATERMARK_DELAI}: not set in"
                        + " profiles/local.properties nor in the environment (did you mean ${WATERMARK_DELAY}?)");
    }

    @Test
    void aNameFarFromEveryKnownOneGetsNoSuggestion() {
        assertThat(problems("SELECT ${CHECKPOINT_INTERVAL}", VARIABLES).get(0).message())
                .isEqualTo("unknown variable ${CHECKPOINT_INTERVAL}: not set in profiles/local.properties nor in the"
                        + " environment");
    }

    @Test
    void suggestionsComeFromTheProfileAndTheLauncherNotFromTheWholeEnvironment() {
        Variables variables = Variables.of(VARIABLES.profile(), Map.of("HOSTNAME_OF_BOX", "box"))
                .with(Map.of("OUTPUT_TOPIC", "shop.x_v1"));

        assertThat(problems("SELECT '${OUTPUT_TOPICS}'", variables).get(0).message())
                .endsWith("(did you mean ${OUTPUT_TOPIC}?)");
        assertThat(problems("SELECT '${HOSTNAME_OF_BO}'", variables).get(0).message()).doesNotContain("did you mean");
    }

    @Test
    void everyUnknownVariableOfAStatementIsReported() {
        List<Problem> problems = problems("CREATE TABLE t (a INT) WITH (\n"
                + "  'topic' = '${TOPIC_PREFIX}${A_B_C}',\n"
                + "  'servers' = '${NOPE}', 'x' = '${NOPE}'\n"
                + ")", VARIABLES);

        assertThat(problems).extracting(Problem::variable).containsExactly("A_B_C", "NOPE", "NOPE");
        assertThat(problems).extracting(Problem::position)
                .containsExactly(new TextPosition(2, 29), new TextPosition(3, 16), new TextPosition(3, 33));
    }

    @Test
    void aMalformedReferenceIsAnError() {
        List<Problem> problems = problems("SELECT '${BAD NAME}', '${1X}', '${OPEN'", VARIABLES);

        assertThat(problems).extracting(Problem::position)
                .containsExactly(new TextPosition(1, 9), new TextPosition(1, 24), new TextPosition(1, 33));
        assertThat(problems).extracting(Problem::variable).containsExactly("BAD", "1X", "OPEN'");
        assertThat(problems.get(0).message()).isEqualTo("malformed variable reference ${BAD: write ${NAME} with"
                + " letters, digits and underscores, or $${...} for a literal ${...}");
    }
}
