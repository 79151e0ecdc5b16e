package io.shopstream.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Flink 1.20 configuration file, {@code config.yaml}: standard YAML (the legacy {@code flink-conf.yaml} is read
 * only when present, and then with the old parser), written with flat keys ({@code rest.port: '8081'}), every value
 * a quoted string that Flink converts to the option's type.
 */
public final class FlinkConfigFile {

    public static final String NAME = "config.yaml";

    private FlinkConfigFile() {}

    /** Writes {@code options} to {@code directory/config.yaml}, sorted by key; returns the file. */
    public static Path write(Path directory, Map<String, String> options) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by ShopStream for a Flink cluster of its own; Flink reads it at start.");
        new TreeMap<>(options).forEach((key, value) -> lines.add(key + ": " + quoted(value)));
        Files.createDirectories(directory);
        return Files.write(directory.resolve(NAME), lines);
    }

    /** A YAML single-quoted scalar: no escapes inside except {@code ''} for a quote. */
    static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
