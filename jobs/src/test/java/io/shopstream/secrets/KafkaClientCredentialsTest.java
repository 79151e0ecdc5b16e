package io.shopstream.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopstream.testing.SelfSignedCertificate;
import io.shopstream.variables.Profile;
import io.shopstream.variables.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka client itself accepts the connection security the launcher builds (its JAAS line parsed, with a quote in
 * the password; its truststore, made here with the JDK's keytool, loaded): what the Flink Kafka tables are given. No
 * broker: that the broker accepts the credentials is not proven here (README: Secrets, what is not proven).
 */
class KafkaClientCredentialsTest {

    @TempDir
    Path temporary;

    private Path truststore() throws Exception {
        return SelfSignedCertificate.create(temporary, "store-pw-123").truststore();
    }

    private static Map<String, Object> consumerConfig(Map<String, String> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "credentials-test");
        return config;
    }

    @Test
    void aKafkaClientIsBuiltFromTheProfilesSaslSslSettings() throws Exception {
        Path store = truststore();
        Path password = Files.writeString(temporary.resolve("password"), "pa\"ss\\word-123\n");
        Variables variables = Variables.of(new Profile("prod", "sql/profiles/prod.properties", Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-256",
                "KAFKA_SASL_USERNAME", "shopstream",
                "KAFKA_SASL_PASSWORD", "file:" + password,
                "KAFKA_SSL_TRUSTSTORE_LOCATION", store.toString(),
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "env:TRUSTSTORE_PASSWORD")),
                Map.of("TRUSTSTORE_PASSWORD", "store-pw-123"));
        Map<String, String> security = ConnectorCredentials.kafka(variables);

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(security),
                new StringDeserializer(), new StringDeserializer())) {
            assertThat(consumer.metrics()).isNotEmpty();
        }
        assertThat(security).containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule"
                + " required username=\"shopstream\" password=\"pa\\\"ss\\\\word-123\";");
    }

    @Test
    void aWrongTruststorePasswordFailsWhenTheClientIsBuilt() throws Exception {
        Path store = truststore();
        Variables variables = Variables.of(new Profile("prod", "sql/profiles/prod.properties", Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SSL",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", store.toString(),
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "env:TRUSTSTORE_PASSWORD")),
                Map.of("TRUSTSTORE_PASSWORD", "not-the-password"));

        assertThatThrownBy(() -> new KafkaConsumer<>(consumerConfig(ConnectorCredentials.kafka(variables)),
                new StringDeserializer(), new StringDeserializer()).close())
                .isInstanceOf(KafkaException.class).hasStackTraceContaining("Failed to load SSL keystore");
    }
}
