package io.shopstream.secrets;

import io.shopstream.variables.Variables;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The connection security and credentials of every table the launcher creates, from the profile, so that no SQL file
 * states them and no secret is ever part of SQL text: the launcher adds these options to a table's catalog entry
 * right after its {@code CREATE TABLE}, by connector.
 *
 * <pre>
 * kafka, upsert-kafka   KAFKA_SECURITY_PROTOCOL         properties.security.protocol (PLAINTEXT, SSL, SASL_SSL...)
 *                       KAFKA_SASL_MECHANISM            properties.sasl.mechanism (default SCRAM-SHA-512)
 *                       KAFKA_SASL_USERNAME
 *                       KAFKA_SASL_PASSWORD (secret)    properties.sasl.jaas.config, the login module of the mechanism
 *                       KAFKA_SSL_TRUSTSTORE_LOCATION   properties.ssl.truststore.location
 *                       KAFKA_SSL_TRUSTSTORE_TYPE       properties.ssl.truststore.type
 *                       KAFKA_SSL_TRUSTSTORE_PASSWORD (secret)  properties.ssl.truststore.password
 * mysql-cdc, jdbc       MYSQL_USERNAME, MYSQL_PASSWORD (secret)  username, password
 * </pre>
 */
public final class ConnectorCredentials {

    public static final String SECURITY_PROTOCOL = "KAFKA_SECURITY_PROTOCOL";

    /** What a stack that brings its own broker ({@code try}, {@code local}) sets: its broker is plaintext. */
    public static final Map<String, String> LOCAL_BROKER = Map.of(SECURITY_PROTOCOL, "PLAINTEXT");

    private static final Set<String> KAFKA = Set.of("kafka", "upsert-kafka");
    private static final Set<String> MYSQL = Set.of("mysql-cdc", "jdbc");

    /** Options that carry a credential: a SQL file stating one is refused, whatever its value. */
    private static final Set<String> CREDENTIAL_OPTIONS = Set.of("properties.sasl.jaas.config",
            "properties.ssl.truststore.password", "properties.ssl.keystore.password", "properties.ssl.key.password",
            "password");

    private ConnectorCredentials() {}

    /** The options the launcher adds to a table with these options (empty when the profile sets none for it). */
    public static Map<String, String> optionsFor(Map<String, String> tableOptions, Variables variables) {
        String connector = tableOptions.getOrDefault("connector", "");
        Map<String, String> options = new LinkedHashMap<>();
        if (KAFKA.contains(connector)) {
            kafka(variables).forEach((key, value) -> options.put("properties." + key, value));
        } else if (MYSQL.contains(connector)) {
            variables.lookup("MYSQL_USERNAME").ifPresent(user -> options.put("username", user));
            variables.secret("MYSQL_PASSWORD").ifPresent(password -> options.put("password", password));
        }
        return options;
    }

    /** A credential option the SQL states itself, which it must not: secrets come from the profile's references. */
    public static Optional<String> credentialStatedInSql(Map<String, String> tableOptions) {
        return tableOptions.keySet().stream().filter(CREDENTIAL_OPTIONS::contains).sorted().findFirst();
    }

    /**
     * Kafka client properties for the profile's connection security (no {@code properties.} prefix): what the
     * tables get, and what a Kafka client of the launcher's own would need.
     */
    public static Map<String, String> kafka(Variables variables) {
        Map<String, String> properties = new LinkedHashMap<>();
        String protocol = variables.lookup(SECURITY_PROTOCOL).orElse("PLAINTEXT").toUpperCase(Locale.ROOT);
        if (protocol.equals("PLAINTEXT")) {
            return properties;
        }
        properties.put("security.protocol", protocol);
        if (protocol.startsWith("SASL_")) {
            String mechanism = variables.lookup("KAFKA_SASL_MECHANISM").orElse("SCRAM-SHA-512");
            String username = variables.require("KAFKA_SASL_USERNAME");
            String password = variables.secret("KAFKA_SASL_PASSWORD").orElseThrow(() ->
                    new SecretUnavailableException(SECURITY_PROTOCOL + " is " + protocol + " but KAFKA_SASL_PASSWORD"
                            + " is not set: name where it comes from in " + variables.profile().source()
                            + " (KAFKA_SASL_PASSWORD=env:NAME or =file:/path)"));
            properties.put("sasl.mechanism", mechanism);
            properties.put("sasl.jaas.config", loginModule(mechanism) + " required username=\"" + quoted(username)
                    + "\" password=\"" + quoted(password) + "\";");
        }
        variables.lookup("KAFKA_SSL_TRUSTSTORE_LOCATION").ifPresent(location -> {
            properties.put("ssl.truststore.location", location);
            variables.lookup("KAFKA_SSL_TRUSTSTORE_TYPE")
                    .ifPresent(type -> properties.put("ssl.truststore.type", type));
            variables.secret("KAFKA_SSL_TRUSTSTORE_PASSWORD")
                    .ifPresent(password -> properties.put("ssl.truststore.password", password));
        });
        return properties;
    }

    private static String loginModule(String mechanism) {
        return mechanism.toUpperCase(Locale.ROOT).startsWith("SCRAM-")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
    }

    /** A JAAS string value: a quote or backslash in a password is escaped. */
    private static String quoted(String value) {
        String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"");
        if (!escaped.equals(value)) {
            SecretMask.revealed(escaped);
        }
        return escaped;
    }
}
