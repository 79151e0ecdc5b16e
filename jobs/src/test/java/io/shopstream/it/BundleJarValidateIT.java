package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.testing.RepositorySql;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} through the bundle jar as shipped: nested Flink runtime, child JVM, bundled or given SQL. */
class BundleJarValidateIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path workingDirectory;

    @Test
    void theSqlBundledInTheJarIsValidWhenRunOutsideTheRepository() throws Exception {
        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "validate");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).as(result.toString())
                .startsWith("OK: 4 pipelines valid against local, prod");
        assertThat(result.stderr()).as(result.toString()).contains("pipelines of shopstream.jar!/sql");
    }

    @Test
    void aTypoInAPipelineNamesItsFileLineAndColumn() throws Exception {
        Path sql = RepositorySql.copyInto(workingDirectory);
        String typo = RepositorySql.replaceOnce(sql.resolve("pipelines/active_users_1m.v1.sql"),
                "COUNT(DISTINCT user_id)", "COUNT(DISTINCT usr_id)");
        String lineAndColumn = RepositorySql.lineAndColumn(typo, typo.indexOf("usr_id"));

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "validate", "--sql-dir", sql.toString());

        // Files are named relative to the working directory, as editors and terminals resolve them.
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString())
                .contains("sql/pipelines/active_users_1m.v1.sql:" + lineAndColumn + ": ")
                .contains("usr_id")
                .doesNotContain("\tat ");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aTypoInASharedSourceIsReportedOnceAtItsOwnFile() throws Exception {
        Path sql = RepositorySql.copyInto(workingDirectory);
        String typo = RepositorySql.replaceOnce(sql.resolve("sources/events.sql"), "'scan.bounded.mode'",
                "'scan.bounded.mod'");
        String location = "sql/sources/events.sql:"
                + RepositorySql.lineAndColumn(typo, typo.indexOf("'scan.bounded.mod'")) + ": ";

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "validate", "--sql-dir", sql.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString()).containsOnlyOnce(location).contains("scan.bounded.mod");
    }
}
