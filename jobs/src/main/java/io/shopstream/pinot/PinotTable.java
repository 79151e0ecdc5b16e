package io.shopstream.pinot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.bundle.BundledDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Pinot table as code: a folder of {@code pinot-schemas/} holding its {@code schema.json} and {@code table.json}.
 * The table config may name the Kafka topic and brokers with {@code ${TOPIC_PREFIX}} and
 * {@code ${KAFKA_BOOTSTRAP_SERVERS}}, resolved from the profile when the table is applied.
 */
public record PinotTable(Path folder, JsonNode schema, JsonNode table) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSIONED = Pattern.compile("(.+)_v([1-9][0-9]*)");
    private static final List<String> FIELD_SPECS = List.of("dimensionFieldSpecs", "metricFieldSpecs",
            "dateTimeFieldSpecs");

    /**
     * Where the table configs are: {@code explicit} when given, else {@code ./pinot-schemas} when run in the
     * repository, else the copy inside the jar.
     */
    public static Path locate(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            if (!Files.isDirectory(explicit.get())) {
                throw new PinotConfigException(explicit.get().toAbsolutePath() + " is not a directory of Pinot"
                        + " configs (--pinot-dir)");
            }
            return explicit.get();
        }
        Path local = Path.of("pinot-schemas");
        if (Files.isDirectory(local)) {
            return local;
        }
        return BundledDirectory.find("pinot-schemas").orElseThrow(() -> new PinotConfigException(
                "this build carries no Pinot configs; run from the repository or pass --pinot-dir"));
    }

    /** Every table under {@code directory}, one per folder, in folder order. */
    public static List<PinotTable> loadAll(Path directory) {
        try (Stream<Path> folders = Files.list(directory)) {
            List<PinotTable> tables = new ArrayList<>();
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                tables.add(new PinotTable(folder, read(folder.resolve("schema.json")),
                        read(folder.resolve("table.json"))));
            }
            return tables;
        } catch (IOException e) {
            throw new PinotConfigException(directory + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * Each table's name without its version ({@code session_metrics} for {@code session_metrics_v3}) mapped to the
     * name of its latest version, so that a query can say what it means without knowing which version runs.
     */
    public static Map<String, String> latestVersions(List<PinotTable> tables) {
        Map<String, String> latest = new TreeMap<>();
        Map<String, Integer> versions = new HashMap<>();
        for (PinotTable table : tables) {
            Matcher versioned = VERSIONED.matcher(table.name());
            if (versioned.matches()) {
                int version = Integer.parseInt(versioned.group(2));
                if (version > versions.getOrDefault(versioned.group(1), 0)) {
                    versions.put(versioned.group(1), version);
                    latest.put(versioned.group(1), table.name());
                }
            }
        }
        return latest;
    }

    public String name() {
        return table.path("tableName").asText(folder.getFileName().toString());
    }

    /** The topic it ingests, {@code ${TOPIC_PREFIX}} replaced by {@code topicPrefix}. */
    public Optional<String> topic(String topicPrefix) {
        return Optional.ofNullable(streamConfigs().get("stream.kafka.topic.name"))
                .map(topic -> topic.replace("${TOPIC_PREFIX}", topicPrefix));
    }

    /** The stream's settings: under {@code tableIndexConfig} in Pinot 0.11, under {@code ingestionConfig} in 1.x. */
    public Map<String, String> streamConfigs() {
        JsonNode configs = table.path("tableIndexConfig").path("streamConfigs");
        if (configs.isMissingNode()) {
            configs = table.path("ingestionConfig").path("streamIngestionConfig").path("streamConfigMaps").path(0);
        }
        Map<String, String> values = new LinkedHashMap<>();
        configs.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }

    /** Every column of the schema and its Pinot data type, in the schema's order. */
    public Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String specs : FIELD_SPECS) {
            schema.path(specs).forEach(spec -> columns.put(spec.path("name").asText(), spec.path("dataType").asText()));
        }
        return columns;
    }

    public List<String> primaryKey() {
        List<String> columns = new ArrayList<>();
        schema.path("primaryKeyColumns").forEach(column -> columns.add(column.asText()));
        return columns;
    }

    public Optional<JsonNode> upsertConfig() {
        JsonNode upsert = table.path("upsertConfig");
        return upsert.isMissingNode() || upsert.path("mode").asText("NONE").equals("NONE") ? Optional.empty()
                : Optional.of(upsert);
    }

    /** The upsert comparison columns: {@code comparisonColumn} in the Pinot 0.11 shape, a list in the 1.x shape. */
    public List<String> comparisonColumns() {
        JsonNode upsert = table.path("upsertConfig");
        List<String> columns = new ArrayList<>();
        if (upsert.has("comparisonColumn")) {
            columns.add(upsert.path("comparisonColumn").asText());
        }
        upsert.path("comparisonColumns").forEach(column -> columns.add(column.asText()));
        return columns;
    }

    public String instanceSelector() {
        return table.path("routing").path("instanceSelectorType").asText("");
    }

    /** Where a problem with this table is, for messages: its folder as the reader sees it. */
    public String where() {
        return folder.getParent().getFileName() + "/" + folder.getFileName();
    }

    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new PinotConfigException(file + " is missing: each folder of the Pinot configs holds a table's"
                    + " schema.json and table.json");
        }
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new PinotConfigException(file + " is not valid JSON: " + e.getMessage());
        }
    }
}
