package io.shopstream.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.planning.JobSettings;
import io.shopstream.planning.PipelinePlanner;
import io.shopstream.planning.PlannedPipeline;
import io.shopstream.testing.RepositorySql;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.ObjectPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's SQL planned by Flink against a SASL_SSL profile whose password is in a file and whose truststore
 * password is in an environment variable: every Kafka table (sources and sink) gets the connection security, the SQL
 * states none of it, and the compiled plan holds no secret.
 */
class KafkaCredentialsTest {

    private static final String PASSWORD = "kafka-pw-7f3a!\"quote";
    private static final String TRUSTSTORE_PASSWORD = "truststore-pw-91c2";

    @TempDir
    Path temporary;

    private SqlBundle bundle;

    @BeforeEach
    void aSecureProfile() throws Exception {
        Path sql = RepositorySql.copyInto(temporary);
        Path passwordFile = Files.writeString(temporary.resolve("kafka-password"), PASSWORD + "\n");
        Files.writeString(sql.resolve("profiles/secure.properties"),
                Files.readString(sql.resolve("profiles/local.properties")) + String.join("\n",
                        "KAFKA_SECURITY_PROTOCOL=SASL_SSL",
                        "KAFKA_SASL_MECHANISM=SCRAM-SHA-512",
                        "KAFKA_SASL_USERNAME=shopstream",
                        "KAFKA_SASL_PASSWORD=file:" + passwordFile,
                        "KAFKA_SSL_TRUSTSTORE_LOCATION=/var/run/secrets/kafka-ca/truststore.p12",
                        "KAFKA_SSL_TRUSTSTORE_TYPE=PKCS12",
                        "KAFKA_SSL_TRUSTSTORE_PASSWORD=env:KAFKA_TRUSTSTORE_PASSWORD", ""));
        bundle = SqlBundle.at(sql);
    }

    private PlannedPipeline plan(TableEnvironment environment, PipelineFile pipeline, Variables variables) {
        return new PipelinePlanner(bundle).plan(environment, pipeline, variables);
    }

    private static TableEnvironment environment(PipelineFile pipeline, Variables variables) {
        return TableEnvironment.create(EnvironmentSettings.newInstance().inStreamingMode()
                .withConfiguration(JobSettings.forPipeline(pipeline.id(), variables)).build());
    }

    @Test
    void everyKafkaTableGetsTheProfilesSecurityAndThePlanNoSecret() {
        PipelineFile pipeline = bundle.latest("session_metrics");
        Variables variables = PipelineVariables.forPipeline(pipeline.id(), Variables.of(bundle.profile("secure"),
                Map.of("KAFKA_TRUSTSTORE_PASSWORD", TRUSTSTORE_PASSWORD)));
        TableEnvironment environment = environment(pipeline, variables);

        String compiled = plan(environment, pipeline, variables).compilePlan();

        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"shopstream\""
                + " password=\"kafka-pw-7f3a!\\\"quote\";";
        for (String table : List.of("events", "session_metrics")) {
            Map<String, String> options = options(environment, table);
            assertThat(options).as(table)
                    .containsEntry("properties.security.protocol", "SASL_SSL")
                    .containsEntry("properties.sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("properties.sasl.jaas.config", jaas)
                    .containsEntry("properties.ssl.truststore.location", "/var/run/secrets/kafka-ca/truststore.p12")
                    .containsEntry("properties.ssl.truststore.type", "PKCS12")
                    .containsEntry("properties.ssl.truststore.password", TRUSTSTORE_PASSWORD);
        }
        assertThat(compiled).contains("`default_database`.`session_metrics`").doesNotContain("kafka-pw-7f3a")
                .doesNotContain(TRUSTSTORE_PASSWORD).doesNotContain("sasl").doesNotContain("truststore");
    }

    @Test
    void aProfileWithoutSecuritySettingsLeavesTheTablesAsTheSqlSaysAndLocalStacksArePlaintext() {
        PipelineFile pipeline = bundle.latest("active_users_1m");
        Variables local = PipelineVariables.forPipeline(pipeline.id(), Variables.of(bundle.profile("local"),
                Map.of()));
        Variables trial = PipelineVariables.forPipeline(pipeline.id(), Variables.of(bundle.profile("secure"),
                Map.of()).with(ConnectorCredentials.LOCAL_BROKER));
        TableEnvironment plainEnvironment = environment(pipeline, local);
        TableEnvironment trialEnvironment = environment(pipeline, trial);

        plan(plainEnvironment, pipeline, local);
        plan(trialEnvironment, pipeline, trial);

        for (TableEnvironment environment : List.of(plainEnvironment, trialEnvironment)) {
            assertThat(options(environment, "events")).containsEntry("connector", "kafka")
                    .doesNotContainKeys("properties.security.protocol", "properties.sasl.jaas.config",
                            "properties.ssl.truststore.location");
        }
    }

    private static Map<String, String> options(TableEnvironment environment, String table) {
        try {
            return ((CatalogTable) environment.getCatalog(environment.getCurrentCatalog()).orElseThrow()
                    .getTable(new ObjectPath(environment.getCurrentDatabase(), table))).getOptions();
        } catch (Exception e) {
            throw new AssertionError(table + ": " + e, e);
        }
    }
}
