package io.shopstream.variables;

import io.shopstream.secrets.SecretMask;
import io.shopstream.secrets.SecretReference;
import io.shopstream.secrets.SecretUnavailableException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values behind {@code ${NAME}} in the SQL, looked up in this order: values the launcher sets for the pipeline
 * at hand (see {@link PipelineVariables}) or for the command at hand, then environment variables, then the profile.
 *
 * <p>Secrets are variables too, but never SQL's: a profile names where each comes from ({@code env:NAME},
 * {@code file:/path}), {@link #secret} reads it when a command connects, and SQL cannot refer to one
 * ({@link #isSecret}).
 */
public final class Variables {

    private final Profile profile;
    private final Map<String, String> environment;
    private final Map<String, String> overrides;
    private final boolean secretsRead;

    private Variables(Profile profile, Map<String, String> environment, Map<String, String> overrides,
            boolean secretsRead) {
        this.profile = profile;
        this.environment = Map.copyOf(environment);
        this.overrides = Map.copyOf(overrides);
        this.secretsRead = secretsRead;
    }

    public static Variables of(Profile profile, Map<String, String> environment) {
        return new Variables(profile, environment, Map.of(), true);
    }

    /**
     * The same variables for a command that plans but never connects ({@code validate}, {@code plan},
     * {@code check}): each secret stands in as {@code <secret NAME>}, unread, so these run where the secrets are
     * not (CI, an analyst's laptop) and a compiled plan cannot hold one.
     */
    public Variables withSecretsUnread() {
        return new Variables(profile, environment, overrides, false);
    }

    /** The same variables with these values taking precedence over everything else. */
    public Variables with(Map<String, String> values) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(values);
        return new Variables(profile, environment, merged, secretsRead);
    }

    public Optional<String> lookup(String name) {
        String value = overrides.get(name);
        if (value == null) {
            value = environment.get(name);
        }
        if (value == null) {
            value = profile.values().get(name);
        }
        return Optional.ofNullable(value);
    }

    /**
     * Whether a variable holds a secret: its value is a reference ({@code env:}, {@code file:}), or its name says it
     * is one ({@code ..._PASSWORD}, {@code ..._TOKEN}, {@code ..._SECRET}).
     */
    public boolean isSecret(String name) {
        return name.endsWith("_PASSWORD") || name.endsWith("_TOKEN") || name.endsWith("_SECRET")
                || lookup(name).flatMap(SecretReference::parse).isPresent();
    }

    /**
     * A secret's value, read from where the profile (or the environment) says it is, and from then on masked in
     * everything the launcher prints; empty when the variable is not set at all.
     *
     * @throws io.shopstream.secrets.SecretUnavailableException when the reference names nothing readable
     */
    public Optional<String> secret(String name) {
        Optional<String> value = lookup(name);
        if (value.isEmpty()) {
            return value;
        }
        Optional<SecretReference> reference = SecretReference.parse(value.get());
        boolean fromProfile = !overrides.containsKey(name) && !environment.containsKey(name);
        if (reference.isEmpty() && fromProfile) {
            // The profile is committed: a secret written in it would be in the repository's history for good.
            throw new SecretUnavailableException(profile.source() + " holds the secret " + name + " itself: a"
                    + " profile names where a secret comes from instead, " + name + "=env:VARIABLE or " + name
                    + "=file:/var/run/secrets/...; and if that value is real, rotate it");
        }
        if (!secretsRead) {
            return Optional.of("<secret " + name + ">");
        }
        String secret = reference.isPresent()
                ? reference.get().read(name, profile.source(), environment) : value.get();
        return Optional.of(SecretMask.revealed(secret));
    }

    /** The value of a variable the launcher itself needs, or an error naming the profile file to add it to. */
    public String require(String name) {
        return lookup(name).orElseThrow(() -> new UnknownVariableException(
                "variable " + name + " is not set: add it to " + profile.source()
                        + " or set it in the environment"));
    }

    public Profile profile() {
        return profile;
    }

    /** The names a reader might have meant: those of the profile and of the launcher, not the whole environment. */
    public Set<String> declaredNames() {
        Set<String> names = new TreeSet<>(profile.values().keySet());
        names.addAll(overrides.keySet());
        return names;
    }
}
