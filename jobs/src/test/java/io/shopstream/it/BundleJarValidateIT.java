package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} through the bundle jar as shipped: nested Flink runtime, child JVM, bundled or given SQL. */
class BundleJarValidateIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Path REPOSITORY_SQL = Path.of("..", "sql").toAbsolutePath().normalize();

    @TempDir
    Path workingDirectory;

    @Test
    void theSqlBundledInTheJarIsValidWhenRunOutsideTheRepository() throws Exception {
        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "validate");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).as(result.toString())
                .startsWith("OK: 3 pipelines valid against local, prod");
        assertThat(result.stderr()).as(result.toString()).contains("pipelines of shopstream.jar!/sql");
    }

    @Test
    void aTypoInAPipelineNamesItsFileLineAndColumn() throws Exception {
        Path sql = copyOfRepositorySql();
        Path pipeline = sql.resolve("pipelines/active_users_1m.v1.sql");
        String text = Files.readString(pipeline);
        String typo = text.replace("COUNT(DISTINCT user_id)", "COUNT(DISTINCT usr_id)");
        assertThat(typo).isNotEqualTo(text);
        Files.writeString(pipeline, typo);
        int offset = typo.indexOf("usr_id");
        int line = lineOf(typo, offset);
        int column = offset - typo.lastIndexOf('\n', offset - 1);

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "validate", "--sql-dir", sql.toString());

        // Files are named relative to the working directory, as editors and terminals resolve them.
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString())
                .contains("sql/pipelines/active_users_1m.v1.sql:" + line + ":" + column + ": ")
                .contains("usr_id")
                .doesNotContain("\tat ");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aTypoInASharedSourceIsReportedOnceAtItsOwnFile() throws Exception {
        Path sql = copyOfRepositorySql();
        Path source = sql.resolve("sources/purchase.sql");
        String text = Files.readString(source);
        String typo = text.replace("'scan.bounded.mode'", "'scan.bounded.mod'");
        assertThat(typo).isNotEqualTo(text);
        Files.writeString(source, typo);
        int line = lineOf(typo, typo.indexOf("'scan.bounded.mod'"));

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "validate", "--sql-dir", sql.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        String location = "sql/sources/purchase.sql:" + line + ":3: ";
        assertThat(result.stderr()).as(result.toString()).containsOnlyOnce(location).contains("scan.bounded.mod");
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private Path copyOfRepositorySql() throws Exception {
        Path copy = workingDirectory.resolve("sql");
        try (Stream<Path> files = Files.walk(REPOSITORY_SQL)) {
            List<Path> sorted = files.sorted(Comparator.naturalOrder()).toList();
            for (Path file : sorted) {
                Path target = copy.resolve(REPOSITORY_SQL.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }
}
