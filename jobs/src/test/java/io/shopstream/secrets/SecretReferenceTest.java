package io.shopstream.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopstream.variables.Profile;
import io.shopstream.variables.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a profile says a secret comes from, and what is said when it is not there. */
class SecretReferenceTest {

    @TempDir
    Path temporary;

    private static Variables variables(Map<String, String> profile, Map<String, String> environment) {
        return Variables.of(new Profile("prod", "sql/profiles/prod.properties", profile), environment);
    }

    @Test
    void anEnvironmentVariableNamedByTheProfileIsTheSecret() {
        Variables variables = variables(Map.of("KAFKA_SASL_PASSWORD", "env:KAFKA_PASSWORD"),
                Map.of("KAFKA_PASSWORD", "s3cret-from-env"));

        assertThat(variables.secret("KAFKA_SASL_PASSWORD")).contains("s3cret-from-env");
        assertThat(variables.isSecret("KAFKA_SASL_PASSWORD")).isTrue();
    }

    @Test
    void aFileNamedByTheProfileIsTheSecretWithoutItsLastLineBreak() throws Exception {
        Path file = Files.writeString(temporary.resolve("password"), "s3cret-from-file\n");
        Variables variables = variables(Map.of("MYSQL_PASSWORD", "file:" + file), Map.of());

        assertThat(variables.secret("MYSQL_PASSWORD")).contains("s3cret-from-file");
    }

    @Test
    void theEnvironmentVariableOfTheSameNameWinsAsForEveryVariable() {
        Variables variables = variables(Map.of("KAFKA_SASL_PASSWORD", "env:KAFKA_PASSWORD"),
                Map.of("KAFKA_SASL_PASSWORD", "direct-value", "KAFKA_PASSWORD", "named-value"));

        assertThat(variables.secret("KAFKA_SASL_PASSWORD")).contains("direct-value");
    }

    @Test
    void aMissingEnvironmentVariableOrFileSaysWhichAndWhere() {
        Variables env = variables(Map.of("KAFKA_SASL_PASSWORD", "env:KAFKA_PASSWORD"), Map.of());
        Path nowhere = temporary.resolve("nowhere");
        Variables file = variables(Map.of("KAFKA_SASL_PASSWORD", "file:" + nowhere), Map.of());

        assertThatThrownBy(() -> env.secret("KAFKA_SASL_PASSWORD")).isInstanceOf(SecretUnavailableException.class)
                .hasMessage("secret KAFKA_SASL_PASSWORD comes from environment variable KAFKA_PASSWORD"
                        + " (sql/profiles/prod.properties), which is not set: set it, or mount the secret as a file"
                        + " and write KAFKA_SASL_PASSWORD=file:/path/to/it in the profile");
        assertThatThrownBy(() -> file.secret("KAFKA_SASL_PASSWORD")).isInstanceOf(SecretUnavailableException.class)
                .hasMessage("secret KAFKA_SASL_PASSWORD comes from file " + nowhere + " (sql/profiles/prod.properties),"
                        + " which does not exist: mount the secret there (a Kubernetes Secret volume), or point"
                        + " KAFKA_SASL_PASSWORD at where it is");
    }

    @Test
    void aSecretWrittenInTheProfileItselfIsRefusedEvenWhenSecretsStayUnread() {
        Variables variables = variables(Map.of("KAFKA_SASL_PASSWORD", "hunter22"), Map.of());

        for (Variables each : new Variables[] {variables, variables.withSecretsUnread()}) {
            assertThatThrownBy(() -> each.secret("KAFKA_SASL_PASSWORD"))
                    .isInstanceOf(SecretUnavailableException.class)
                    .hasMessage("sql/profiles/prod.properties holds the secret KAFKA_SASL_PASSWORD itself: a profile"
                            + " names where a secret comes from instead, KAFKA_SASL_PASSWORD=env:VARIABLE or"
                            + " KAFKA_SASL_PASSWORD=file:/var/run/secrets/...; and if that value is real, rotate it");
        }
    }

    @Test
    void commandsThatNeverConnectSeeAPlaceholderAndReadNothing() {
        Variables variables = variables(Map.of("KAFKA_SASL_PASSWORD", "env:NOT_SET_ANYWHERE"), Map.of())
                .withSecretsUnread();

        assertThat(variables.secret("KAFKA_SASL_PASSWORD")).contains("<secret KAFKA_SASL_PASSWORD>");
        assertThat(variables.secret("MYSQL_PASSWORD")).isEmpty();
    }
}
