package io.shopstream.bundle;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pipeline's name and version, read from its file name {@code <name>.v<N>.sql}. The version is part of every name
 * the pipeline leaves behind (job, topic, consumer group, transactional ids), so two versions can run side by side.
 */
public record PipelineId(String name, int version) implements Comparable<PipelineId> {

    private static final Pattern FILE_NAME = Pattern.compile("([a-z][a-z0-9_]*)\\.v([1-9][0-9]*)\\.sql");
    private static final Pattern REFERENCE = Pattern.compile("([a-z][a-z0-9_]*)(?:[.@]v([1-9][0-9]*))?");

    public PipelineId {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("pipeline names are lower_snake_case: " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("pipeline versions start at 1: " + version);
        }
    }

    /** The id in a pipeline file name, or empty when the name does not follow {@code <name>.v<N>.sql}. */
    public static Optional<PipelineId> fromFileName(String fileName) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PipelineId(matcher.group(1), Integer.parseInt(matcher.group(2))));
    }

    /** The expected shape of a pipeline file name, for messages. */
    public static String fileNamePattern() {
        return "<name>.v<N>.sql (lower_snake_case name, version from 1), e.g. active_users_1m.v1.sql";
    }

    /** Whether a user's reference ({@code name}, {@code name.v2} or {@code name@v2}) designates this pipeline. */
    public boolean matches(String reference) {
        Matcher matcher = REFERENCE.matcher(reference);
        if (!matcher.matches() || !matcher.group(1).equals(name)) {
            return false;
        }
        return matcher.group(2) == null || Integer.parseInt(matcher.group(2)) == version;
    }

    public String fileName() {
        return name + ".v" + version + ".sql";
    }

    /** The Flink job name: {@code active_users_1m@v1}. */
    public String jobName() {
        return name + "@v" + version;
    }

    /** The id inside resource names such as topics: {@code active_users_1m_v1}. */
    public String qualifiedName() {
        return name + "_v" + version;
    }

    @Override
    public int compareTo(PipelineId other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : Integer.compare(version, other.version);
    }

    @Override
    public String toString() {
        return name + ".v" + version;
    }
}
