package io.shopstream.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a profile says a secret is, instead of the secret itself: {@code env:NAME} (an environment variable) or
 * {@code file:/var/run/secrets/...} (a file, as Kubernetes mounts a Secret). The profile is committed; the secret
 * never is.
 */
public record SecretReference(Kind kind, String target) {

    /** The two places a secret can come from. */
    public enum Kind { ENV, FILE }

    /** The reference a profile value spells, if it spells one. */
    public static Optional<SecretReference> parse(String value) {
        if (value.startsWith("env:")) {
            return Optional.of(new SecretReference(Kind.ENV, value.substring(4).strip()));
        }
        if (value.startsWith("file:")) {
            return Optional.of(new SecretReference(Kind.FILE, value.substring(5).strip()));
        }
        return Optional.empty();
    }

    /**
     * The secret's value: the environment variable's, or the file's content without its trailing line break
     * ({@code echo} and most editors add one; Kubernetes does not).
     *
     * @param variable the variable this secret is the value of, for messages
     * @param definedIn the profile file that names this reference, for messages
     */
    public String read(String variable, String definedIn, Map<String, String> environment) {
        if (kind == Kind.ENV) {
            String value = environment.get(target);
            if (value == null || value.isEmpty()) {
                throw new SecretUnavailableException("secret " + variable + " comes from environment variable "
                        + target + " (" + definedIn + "), which is not set: set it, or mount the secret as a file and"
                        + " write " + variable + "=file:/path/to/it in the profile");
            }
            return value;
        }
        Path file = Path.of(target);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new SecretUnavailableException("secret " + variable + " comes from file " + target + " ("
                    + definedIn + "), which " + (Files.exists(file) ? "is not a readable file" : "does not exist")
                    + ": mount the secret there (a Kubernetes Secret volume), or point " + variable
                    + " at where it is");
        }
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\R\\z", "");
            if (value.isEmpty()) {
                throw new SecretUnavailableException("secret " + variable + " comes from file " + target + " ("
                        + definedIn + "), which is empty");
            }
            return value;
        } catch (IOException e) {
            throw new SecretUnavailableException("secret " + variable + ": cannot read " + target + " ("
                    + definedIn + "): " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + target;
    }
}
