package io.shopstream.variables;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values behind {@code ${NAME}} in the SQL, looked up in this order: values the launcher sets for the pipeline
 * at hand (see {@link PipelineVariables}) or for the command at hand, then environment variables, then the profile.
 */
public final class Variables {

    private final Profile profile;
    private final Map<String, String> environment;
    private final Map<String, String> overrides;

    private Variables(Profile profile, Map<String, String> environment, Map<String, String> overrides) {
        this.profile = profile;
        this.environment = Map.copyOf(environment);
        this.overrides = Map.copyOf(overrides);
    }

    public static Variables of(Profile profile, Map<String, String> environment) {
        return new Variables(profile, environment, Map.of());
    }

    /** The same variables with these values taking precedence over everything else. */
    public Variables with(Map<String, String> values) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(values);
        return new Variables(profile, environment, merged);
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
