package io.shopstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.testing.LauncherRun;
import io.shopstream.testing.RepositorySql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets through the launcher's commands, on a copy of the repository's SQL with a SASL_SSL profile whose secrets
 * are named but absent (as in CI): what never connects runs without them and writes no secret; SQL that tries to hold
 * one is refused at its line; what connects says which secret is missing and where it was to come from.
 */
class SecretsCommandTest {

    @TempDir
    Path temporary;

    private Path sql;

    @BeforeEach
    void aSecureProfileWhoseSecretsAreNotHere() throws Exception {
        sql = RepositorySql.copyInto(temporary);
        Files.writeString(sql.resolve("profiles/secure.properties"),
                Files.readString(sql.resolve("profiles/local.properties")) + String.join("\n",
                        "KAFKA_SECURITY_PROTOCOL=SASL_SSL",
                        "KAFKA_SASL_USERNAME=shopstream",
                        "KAFKA_SASL_PASSWORD=env:SHOPSTREAM_TEST_UNSET_KAFKA_PASSWORD",
                        "KAFKA_SSL_TRUSTSTORE_LOCATION=/var/run/secrets/kafka-ca/truststore.p12",
                        "KAFKA_SSL_TRUSTSTORE_PASSWORD=file:" + temporary.resolve("absent-truststore-password"), ""));
    }

    @Test
    void validateAndPlanNeedNoSecretAndThePlansHoldNone() throws Exception {
        // One pipeline (its sources are every source): planning all three takes minutes on a busy 2-core machine.
        LauncherRun validate = LauncherRun.of("validate", "session_metrics", "--profile", "secure", "--sql-dir",
                sql.toString());
        LauncherRun plan = LauncherRun.of("plan", "session_metrics", "--profile", "secure", "--sql-dir",
                sql.toString());

        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        List<Path> plans;
        try (Stream<Path> files = Files.list(sql.resolve("plans/secure"))) {
            plans = files.sorted().toList();
        }
        assertThat(plans).extracting(file -> file.getFileName().toString())
                .containsExactly("session_metrics.v3.json");
        for (Path file : plans) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("sasl").doesNotContain("secret")
                    .doesNotContain("truststore").doesNotContain("SASL_SSL");
        }
    }

    @Test
    void aSecretVariableInSqlIsRefusedAtItsLine() throws Exception {
        String file = "sources/events.sql";
        String edited = RepositorySql.replaceOnce(sql.resolve(file), "  'format' = 'shopstream-event'",
                "  'properties.sasl.password' = '${KAFKA_SASL_PASSWORD}',\n  'format' = 'shopstream-event'");

        LauncherRun run = LauncherRun.of("validate", "--profile", "secure", "--sql-dir", sql.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.stderr()).contains(sql + "/" + file + ":"
                + RepositorySql.lineAndColumn(edited, edited.indexOf("${KAFKA_SASL_PASSWORD}"))
                + ": ${KAFKA_SASL_PASSWORD} is a secret, and SQL never holds secrets: leave the credential options out"
                + " of the SQL, the launcher adds them to every Kafka and MySQL table from the profile (README:"
                + " Secrets)\n");
    }

    @Test
    void aCredentialWrittenInSqlIsRefusedAtItsOption() throws Exception {
        String file = "sources/events.sql";
        String edited = RepositorySql.replaceOnce(sql.resolve(file), "  'format' = 'shopstream-event'",
                "  'properties.sasl.jaas.config' = 'ScramLoginModule required password=\"hunter22\";',\n"
                        + "  'format' = 'shopstream-event'");

        LauncherRun run = LauncherRun.of("validate", "--profile", "local", "--sql-dir", sql.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.stderr()).contains(sql + "/" + file + ":"
                + RepositorySql.lineAndColumn(edited, edited.indexOf("'properties.sasl.jaas.config'"))
                + ": option 'properties.sasl.jaas.config' holds a credential, and SQL files never do: remove it; the"
                + " launcher adds credentials to every Kafka and MySQL table from secrets the profile names (README:"
                + " Secrets)\n");
    }

    @Test
    void aSecretWrittenInTheProfileIsRefusedByValidate() throws Exception {
        Files.writeString(sql.resolve("profiles/secure.properties"), Files.readString(
                sql.resolve("profiles/secure.properties")).replace("env:SHOPSTREAM_TEST_UNSET_KAFKA_PASSWORD",
                "hunter22"));

        LauncherRun run = LauncherRun.of("validate", "session_metrics", "--profile", "secure", "--sql-dir",
                sql.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.stderr()).contains(sql + "/profiles/secure.properties:1:1: " + sql
                + "/profiles/secure.properties holds the secret KAFKA_SASL_PASSWORD itself: a profile names where a"
                + " secret comes from instead, KAFKA_SASL_PASSWORD=env:VARIABLE or"
                + " KAFKA_SASL_PASSWORD=file:/var/run/secrets/...; and if that value is real, rotate it\n");
        assertThat(run.output()).doesNotContain("hunter22");
    }

    @Test
    void runSaysWhichSecretIsMissingAndWhereItWasToComeFrom() {
        LauncherRun run = LauncherRun.of("run", "active_users_1m", "--profile", "secure", "--from-sql",
                "--flink-port", "0", "--sql-dir", sql.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.stderr()).endsWith("error: secret KAFKA_SASL_PASSWORD comes from environment variable"
                + " SHOPSTREAM_TEST_UNSET_KAFKA_PASSWORD (" + sql + "/profiles/secure.properties), which is not set:"
                + " set it, or mount the secret as a file and write KAFKA_SASL_PASSWORD=file:/path/to/it in the"
                + " profile\n");
    }
}
