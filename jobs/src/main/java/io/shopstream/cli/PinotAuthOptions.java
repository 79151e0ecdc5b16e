package io.shopstream.cli;

import io.shopstream.secrets.SecretMask;
import io.shopstream.secrets.SecretReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The token a Pinot cluster with access control wants, sent as the {@code Authorization} header of every request to
 * its controller and broker. From a file (a mounted Kubernetes Secret), the environment, or the command line (seen by
 * anyone listing processes: for trials only); masked in everything the launcher prints.
 */
final class PinotAuthOptions {

    static final String ENVIRONMENT_VARIABLE = "PINOT_AUTH_TOKEN";

    @Option(names = "--auth-token-file", paramLabel = "FILE",
            description = "File holding the Authorization header's value, e.g. Basic YWRtaW46dmVyeXNlY3JldA== (default:"
                    + " $PINOT_AUTH_TOKEN, which may be the value or file:/path).")
    Path tokenFile;

    @Option(names = "--auth-token", paramLabel = "TOKEN",
            description = "The Authorization header's value itself (visible in the process list: prefer the file or"
                    + " $PINOT_AUTH_TOKEN).")
    String token;

    /** The header value, if any was given; from now on masked. */
    Optional<String> authorization(Map<String, String> environment) {
        Optional<String> value;
        if (tokenFile != null) {
            value = Optional.of(new SecretReference(SecretReference.Kind.FILE, tokenFile.toString())
                    .read("--auth-token-file", "the command line", environment));
        } else if (token != null) {
            value = Optional.of(token);
        } else {
            value = Optional.ofNullable(environment.get(ENVIRONMENT_VARIABLE)).filter(text -> !text.isBlank())
                    .map(text -> SecretReference.parse(text)
                            .map(reference -> reference.read(ENVIRONMENT_VARIABLE, "the environment", environment))
                            .orElse(text));
        }
        value.ifPresent(header -> {
            SecretMask.revealed(header);
            // The credentials alone, should a server echo them without their scheme ("Basic ").
            int space = header.indexOf(' ');
            if (space > 0) {
                SecretMask.revealed(header.substring(space + 1).strip());
            }
        });
        return value;
    }
}
