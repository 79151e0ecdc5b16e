package io.shopstream.localstack;

import java.nio.file.Path;

/**
 * A {@code SASL_SSL} port of a {@link KafkaBroker}, as production Kafka clusters have: TLS with the certificate in
 * {@code keystore} (PKCS12), and one SCRAM user, created when the broker's storage is formatted.
 *
 * @param mechanism {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}
 */
public record ScramListener(Path keystore, String keystorePassword, String mechanism, String username,
        String password) {

    public ScramListener {
        if (!mechanism.equals("SCRAM-SHA-256") && !mechanism.equals("SCRAM-SHA-512")) {
            throw new IllegalArgumentException("a SCRAM mechanism is SCRAM-SHA-256 or SCRAM-SHA-512, not " + mechanism);
        }
        for (String value : new String[] {username, password}) {
            // Kafka's storage tool reads the user as [name=...,password=...]: these would end a value early.
            if (value.isEmpty() || value.matches(".*[,\\[\\]=\"].*")) {
                throw new IllegalArgumentException("a SCRAM name or password of the test broker cannot be empty or"
                        + " hold , [ ] = or \"");
            }
        }
    }

    @Override
    public String toString() {
        return "ScramListener[" + mechanism + ", user " + username + "]";
    }
}
