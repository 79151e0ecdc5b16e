package io.shopstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.testing.LauncherRun;
import io.shopstream.testing.RepositorySql;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} in process, on a copy of the repository's SQL: real Flink parsing, validation and planning of
 * every pipeline against every profile (a few seconds per run). Files are named by the path of the copy, which is
 * outside the working directory and so absolute.
 */
class ValidateCommandTest {

    @TempDir
    Path temporary;

    private Path sql;

    @BeforeEach
    void copyTheRepositorysSql() throws Exception {
        sql = RepositorySql.copyInto(temporary);
    }

    private LauncherRun validate(String... extraArguments) {
        String[] arguments = new String[extraArguments.length + 3];
        arguments[0] = "validate";
        arguments[1] = "--sql-dir";
        arguments[2] = sql.toString();
        System.arraycopy(extraArguments, 0, arguments, 3, extraArguments.length);
        return LauncherRun.of(arguments);
    }

    /** {@code <sql dir>/<file>:<line>:<column>: } of the first occurrence of {@code text} in an edited file. */
    private String location(String file, String editedText, String text) {
        return sql + "/" + file + ":" + RepositorySql.lineAndColumn(editedText, editedText.indexOf(text)) + ": ";
    }

    @Test
    void theRepositorysSqlIsValidAgainstEveryProfile() {
        LauncherRun run = validate();

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("OK: 4 pipelines valid against local, prod (");
        assertThat(run.stderr()).isEqualTo("Validating 4 pipelines of " + sql + " against profiles local, prod...\n");
    }

    @Test
    void aKeywordTypoInAPipelineNamesItsFileLineAndColumn() throws Exception {
        String file = "pipelines/product_metrics_1m.v1.sql";
        String edited = RepositorySql.replaceOnce(sql.resolve(file), "GROUP BY", "GRUOP BY");

        LauncherRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).containsOnlyOnce(location(file, edited, "GRUOP") + "Encountered \"GRUOP\"")
                .contains("\n1 problem in " + sql + " (");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aMisspeltColumnInAPipelineNamesItsFileLineAndColumn() throws Exception {
        String file = "pipelines/session_metrics.v3.sql";
        String edited = RepositorySql.replaceOnce(sql.resolve(file), "MIN(event_time)", "MIN(evnt_time)");

        LauncherRun run = validate("session_metrics", "--profile", "local");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains(location(file, edited, "evnt_time")
                + "Column 'evnt_time' not found in any table\n");
    }

    @Test
    void anErrorAfterAVariableIsPlacedInTheFileNotInTheResolvedText() throws Exception {
        // ${SCAN_STARTUP_MODE} (20 characters) is earliest-offset (15) in local and group-offsets (13) in prod: Flink
        // reports two different columns, both of which map back to the stray comma in the file.
        String file = "sources/events.sql";
        String edited = RepositorySql.replaceOnce(sql.resolve(file), "'${SCAN_STARTUP_MODE}',",
                "'${SCAN_STARTUP_MODE}',,");
        String[] lineAndColumn = RepositorySql.lineAndColumn(edited, edited.indexOf("',,") + 2).split(":");

        LauncherRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).containsOnlyOnce(sql + "/" + file + ":")
                .contains(sql + "/" + file + ":" + lineAndColumn[0] + ":" + lineAndColumn[1] + ": Encountered \",\" at"
                        + " line " + lineAndColumn[0] + ", column " + lineAndColumn[1] + ".\n");
    }

    @Test
    void anUnknownVariableInASourceNamesTheVariableFileLineAndColumnOncePerProfile() throws Exception {
        String file = "sources/events.sql";
        String edited = RepositorySql.replaceOnce(sql.resolve(file), "'${TOPIC_PREFIX}page_view;",
                "'${NOPE}page_view;");
        String where = location(file, edited, "${NOPE}");

        LauncherRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr())
                .containsOnlyOnce(where + "unknown variable ${NOPE}: not set in " + sql + "/profiles/local.properties"
                        + " nor in the environment\n")
                .containsOnlyOnce(where + "unknown variable ${NOPE}: not set in " + sql + "/profiles/prod.properties"
                        + " nor in the environment\n")
                .contains("\n2 problems in " + sql + " (");
    }

    @Test
    void aBrokenSourceThatEveryPipelineReadsIsReportedOnce() throws Exception {
        String file = "sources/all_events.sql";
        String edited = RepositorySql.replaceOnce(sql.resolve(file), "FROM events\n", "FROM evnts\n");

        LauncherRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).containsOnlyOnce(sql + "/" + file + ":")
                .contains(location(file, edited, "evnts") + "Object 'evnts' not found\n")
                .contains("\n1 problem in " + sql + " (");
    }

    @Test
    void aSourceColumnTheEventFormatDoesNotHaveIsReportedWithTheColumnsItHas() throws Exception {
        RepositorySql.replaceOnce(sql.resolve("sources/events.sql"), "  order_id         STRING,\n",
                "  order_id         STRING,\n  page_url         STRING,\n");

        LauncherRun run = validate("dead_letters");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("format 'shopstream-event': column page_url is not a field of the event"
                + " contract. Its columns are: reason STRING, detail STRING, payload BYTES, event_id STRING,");
    }

    @Test
    void anUnknownPipelineOrProfileIsABadInputThatSaysWhatExists() {
        LauncherRun pipeline = validate("sessions");
        LauncherRun profile = validate("--profile", "staging");

        assertThat(pipeline.exitCode()).isEqualTo(1);
        assertThat(pipeline.stderr()).isEqualTo("error: unknown pipeline 'sessions'. Pipelines in " + sql
                + "/pipelines: active_users_1m.v1, dead_letters.v1, product_metrics_1m.v1, session_metrics.v3\n");
        assertThat(profile.exitCode()).isEqualTo(1);
        assertThat(profile.stderr()).endsWith("error: profile 'staging' does not exist: no " + sql
                + "/profiles/staging.properties. Known profiles: local, prod\n");
    }
}
