package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopstream.bundle.SqlBundle;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.generator.EventGenerator;
import io.shopstream.generator.GeneratorSettings;
import io.shopstream.localstack.KafkaBroker;
import io.shopstream.localstack.ScramListener;
import io.shopstream.secrets.ConnectorCredentials;
import io.shopstream.submitting.SubmittedPipeline;
import io.shopstream.testing.RepositorySql;
import io.shopstream.testing.SelfSignedCertificate;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every pipeline against a Kafka that wants {@code SASL_SSL} with SCRAM-SHA-512, as production's does. The broker is
 * this test's own: its SCRAM port (TLS with a certificate made here, a SCRAM user made when its storage is formatted)
 * is the only address the jobs are given, and the profile names where the secrets are (the password in an
 * environment variable, the truststore's password in a file), never the secrets. Jobs read and commit through that
 * port only if the launcher gave every table the credentials; their output equals the reference model.
 */
class SaslSslKafkaIT {

    private static final long SEED = 20261129L;
    /** Five minutes of event time: the audit wants more than four windows. */
    private static final int EVENTS = 3_000;
    private static final String PASSWORD_VARIABLE = "SHOPSTREAM_IT_KAFKA_PASSWORD";

    @Test
    void everyPipelineConnectsWithTheProfilesScramCredentials(@TempDir Path work) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(work, "tls-pw-4821");
        ScramListener listener = new ScramListener(certificate.keystore(), certificate.password(), "SCRAM-SHA-512",
                "shopstream", "scram-pw-9d2e!");
        Path truststorePassword = Files.writeString(work.resolve("truststore-password"), certificate.password()
                + "\n");
        Path sql = RepositorySql.copyInto(work);
        Files.writeString(sql.resolve("profiles/secure.properties"), String.join("\n",
                Files.readString(sql.resolve("profiles/local.properties")),
                "KAFKA_SECURITY_PROTOCOL=SASL_SSL",
                "KAFKA_SASL_MECHANISM=SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME=shopstream",
                "KAFKA_SASL_PASSWORD=env:" + PASSWORD_VARIABLE,
                "KAFKA_SSL_TRUSTSTORE_LOCATION=" + certificate.truststore(),
                "KAFKA_SSL_TRUSTSTORE_TYPE=PKCS12",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD=file:" + truststorePassword, ""));
        SqlBundle bundle = SqlBundle.at(sql);
        String prefix = SharedStack.uniquePrefix("sasl-ssl");
        List<OutgoingEvent> events = new ArrayList<>();
        EventGenerator.ofCount(GeneratorSettings.defaults(SEED), EVENTS).forEachRemaining(events::add);

        try (KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), 0, listener)) {
            Variables variables = secureProfile(bundle, kafka, prefix, listener.password());
            assertThat(clusterNodes(variables, kafka)).as("nodes seen through the SCRAM port").isEqualTo(1);
            assertThatThrownBy(() -> clusterNodes(secureProfile(bundle, kafka, prefix, "not-the-password"), kafka))
                    .as("the SCRAM port refuses a wrong password").hasCauseInstanceOf(SaslAuthenticationException.class);

            List<SubmittedPipeline> jobs = SharedStack.get().runPipelines(kafka, bundle, variables, prefix, events,
                    bundle.latestVersions());
            Map<String, String> outputTopics = new TreeMap<>();
            for (SubmittedPipeline job : jobs) {
                job.job().getJobExecutionResult().get(3, TimeUnit.MINUTES);
                outputTopics.put(job.id().name(), PipelineVariables.of(job.id(), variables)
                        .get(PipelineVariables.OUTPUT_TOPIC));
            }

            List<String> lines = events.stream().map(OutgoingEvent::json).toList();
            OutputAudit.Figures figures = OutputAudit.audit(kafka.bootstrapServers(), outputTopics, lines);
            System.out.printf("SaslSslKafkaIT figures: %d events through %s (SCRAM-SHA-512 over TLS): %s%n", EVENTS,
                    kafka.scramBootstrapServers(), figures);
            OutputAudit.assertExact(kafka.bootstrapServers(), outputTopics, lines);
            assertThat(figures.windowRows()).as("window rows").isPositive();
        }
    }

    /** The secure profile pointed at the broker's SCRAM port, bounded, with the password in the environment. */
    private static Variables secureProfile(SqlBundle bundle, KafkaBroker kafka, String prefix, String password) {
        return Variables.of(bundle.profile("secure"), Map.of(PASSWORD_VARIABLE, password)).with(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.scramBootstrapServers(),
                "TOPIC_PREFIX", prefix,
                "SCAN_STARTUP_MODE", "earliest-offset",
                "SCAN_BOUNDED_MODE", "latest-offset",
                "CHECKPOINT_INTERVAL", "1 s"));
    }

    /** How many brokers a Kafka admin client with the profile's connection security sees. */
    private static int clusterNodes(Variables variables, KafkaBroker kafka) throws Exception {
        Map<String, Object> config = new HashMap<>(ConnectorCredentials.kafka(variables));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.scramBootstrapServers());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().nodes().get(40, TimeUnit.SECONDS).size();
        }
    }
}
