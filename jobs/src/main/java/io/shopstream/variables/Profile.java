package io.shopstream.variables;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The variable values of one environment: {@code sql/profiles/NAME.properties}. Keys in UPPER_SNAKE_CASE are SQL
 * variables; keys starting with {@code flink.} are Flink configuration options for every job of the environment
 * ({@code flink.parallelism.default=2}).
 */
public record Profile(String name, String source, Map<String, String> values) {

    private static final String FLINK_PREFIX = "flink.";

    public Profile {
        values = Map.copyOf(values);
    }

    public static Profile load(Path profilesDirectory, String name, String displayDirectory) {
        Path file = profilesDirectory.resolve(name + ".properties");
        String source = displayDirectory + "/" + name + ".properties";
        if (!Files.isRegularFile(file)) {
            throw new UnknownProfileException("profile '" + name + "' does not exist: no " + source
                    + ". Known profiles: " + String.join(", ", available(profilesDirectory)));
        }
        try {
            return parse(name, source, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnknownProfileException("cannot read " + source + ": " + e.getMessage());
        }
    }

    static Profile parse(String name, String source, String text) {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // Properties refuses a malformed backslash-u escape with an IllegalArgumentException.
            throw new UnknownProfileException("cannot parse " + source + ": " + e.getMessage()
                    + " (a backslash starts an escape in a .properties file: write \\\\ for one backslash)");
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).trim()));
        return new Profile(name, source, values);
    }

    /** The {@code flink.*} entries without their prefix: Flink options applied to every job of this environment. */
    public Map<String, String> flinkOptions() {
        Map<String, String> options = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(FLINK_PREFIX)) {
                options.put(key.substring(FLINK_PREFIX.length()), value);
            }
        });
        return options;
    }

    private static TreeSet<String> available(Path directory) {
        TreeSet<String> names = new TreeSet<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.properties")) {
                files.forEach(f -> names.add(f.getFileName().toString().replaceFirst("\\.properties$", "")));
            } catch (IOException ignored) {
                // The list only decorates the error message.
            }
        }
        return names;
    }
}
