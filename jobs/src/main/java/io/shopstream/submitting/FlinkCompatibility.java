package io.shopstream.submitting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Whether the Flink this jar runs on is the one it was built for. Under {@code flink run} the cluster's Flink is
 * used, not the jar's: a jar built for 1.20 submitted with a 1.19 or 2.0 client fails deep inside the planner or the
 * Kafka connector (a {@code NoSuchMethodError}, a plan Flink cannot read); this says so first, in words.
 */
public final class FlinkCompatibility {

    private static final String BUILD_PROPERTIES = "/shopstream/build.properties";

    private FlinkCompatibility() {}

    /** The Flink version the jar was built for, as Maven wrote it into the jar. */
    public static String builtFor() {
        try (InputStream in = FlinkCompatibility.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException(BUILD_PROPERTIES + " is missing from the jar: rebuild it with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("flink.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is wrong when the jar runs on {@code running} but was built for {@code builtFor}: nothing when both are
     * the same minor version (patch releases of a minor version are compatible), or when Flink does not say its
     * version (a development classpath).
     */
    public static Optional<String> problem(String running, String builtFor) {
        if (running == null || !running.matches("\\d+\\.\\d+.*")) {
            return Optional.empty();
        }
        if (minor(running).equals(minor(builtFor))) {
            return Optional.empty();
        }
        return Optional.of("this jar is built for Flink " + builtFor + " but runs on Flink " + running
                + ": its table planner, compiled plans and Kafka connector need Flink " + minor(builtFor) + ".x. Submit"
                + " it with a Flink " + minor(builtFor) + " client to a Flink " + minor(builtFor) + " cluster, or build"
                + " the jar for this Flink (flink.version in pom.xml; the committed plans are then recompiled with"
                + " `plan`)");
    }

    private static String minor(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }
}
