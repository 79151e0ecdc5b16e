package io.shopstream.pinot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape in which a Pinot controller takes, keeps and answers our schemas and REALTIME table configs.
 * {@code pinot-schemas/} is written once, for Pinot 0.11. Pinot 1.x takes that shape too, but answers parts of it in
 * its own (so every apply would look like an update) and deprecates or drops others; Pinot 0.11 silently ignores the
 * 1.x names. So {@code apply} sends each controller the shape of its own major version. pinot-schemas/README.md lists
 * each difference with the Pinot source it comes from.
 */
public enum PinotConfigShape {

    /** Pinot 0.x (0.11 and 0.12 take the same shape): the files as they are. */
    PINOT_0_11("Pinot 0.11") {
        @Override
        public JsonNode schema(JsonNode schema) {
            return schema;
        }

        @Override
        public JsonNode table(JsonNode table) {
            return table;
        }
    },

    /** Pinot 1.x: the files translated where 1.x answers or reads them differently; idempotent. */
    PINOT_1("Pinot 1.x") {
        @Override
        public JsonNode schema(JsonNode schema) {
            ObjectNode copy = schema.deepCopy();
            // 1.2+ keeps the format of a TIMESTAMP column as TIMESTAMP whatever it is given; 1.0 and 1.1 take that
            // format too. A TIMESTAMP column holds epoch milliseconds whichever of the two formats it names.
            copy.path("dateTimeFieldSpecs").forEach(spec -> {
                if (spec.path("dataType").asText().equals("TIMESTAMP")) {
                    ((ObjectNode) spec).put("format", "TIMESTAMP");
                }
            });
            return copy;
        }

        @Override
        public JsonNode table(JsonNode table) {
            ObjectNode copy = table.deepCopy();
            String name = copy.path("tableName").asText();
            moveStreamConfigs(copy, name);
            JsonNode upsert = copy.path("upsertConfig");
            if (upsert.has("comparisonColumn")) {
                if (upsert.has("comparisonColumns")) {
                    throw new PinotConfigException(name + ": upsertConfig has both comparisonColumn and"
                            + " comparisonColumns; keep comparisonColumn (Pinot 0.11 knows no other)");
                }
                // 1.x reads comparisonColumn into a list and answers it as comparisonColumns.
                ((ObjectNode) upsert).putArray("comparisonColumns").add(upsert.path("comparisonColumn").asText());
                ((ObjectNode) upsert).remove("comparisonColumn");
            }
            JsonNode segments = copy.path("segmentsConfig");
            if (segments.isObject()) {
                dropDeprecatedSegmentsConfig((ObjectNode) segments, name);
            }
            return copy;
        }

        /** 1.x reads the stream from ingestionConfig, the old place only when that is absent, and refuses both. */
        private void moveStreamConfigs(ObjectNode table, String name) {
            JsonNode indexing = table.path("tableIndexConfig");
            if (!indexing.has("streamConfigs")) {
                return;
            }
            ObjectNode ingestion = table.has("ingestionConfig") ? (ObjectNode) table.get("ingestionConfig")
                    : table.putObject("ingestionConfig");
            if (ingestion.has("streamIngestionConfig")) {
                throw new PinotConfigException(name + ": the stream is configured twice, in"
                        + " tableIndexConfig.streamConfigs and ingestionConfig.streamIngestionConfig; keep the first");
            }
            ArrayNode maps = ingestion.putObject("streamIngestionConfig").putArray("streamConfigMaps");
            maps.add(((ObjectNode) indexing).remove("streamConfigs"));
        }

        /**
         * 1.x deprecates replicasPerPartition (REALTIME tables still read it first, then replication) and finds a
         * table's schema by the table's name; 1.4 no longer knows schemaName at all.
         */
        private void dropDeprecatedSegmentsConfig(ObjectNode segments, String name) {
            JsonNode replicas = segments.remove("replicasPerPartition");
            if (replicas != null) {
                segments.put("replication", replicas.asText());
            }
            JsonNode schemaName = segments.remove("schemaName");
            if (schemaName != null && !schemaName.asText().equals(name)) {
                throw new PinotConfigException(name + ": segmentsConfig.schemaName is " + schemaName + ", but Pinot"
                        + " 1.x finds a table's schema by the table's name");
            }
        }
    };

    private static final Pattern MAJOR = Pattern.compile("([0-9]+)(\\.[0-9]+)*([-+.].*)?");

    private final String description;

    PinotConfigShape(String description) {
        this.description = description;
    }

    /**
     * The shape for a controller running Pinot {@code version}, as {@code /version} says it (e.g.
     * {@code 1.2.0-cc33ac5}) or as given ({@code 1.2}, {@code 0.11}).
     */
    public static PinotConfigShape of(String version) {
        Matcher matcher = MAJOR.matcher(version.trim());
        if (!matcher.matches()) {
            throw new PinotConfigException("'" + version + "' is not a Pinot version (e.g. 0.11 or 1.2)");
        }
        int major = Integer.parseInt(matcher.group(1));
        if (major > 1) {
            throw new PinotConfigException("Pinot " + version + " is newer than the config shapes apply knows"
                    + " (0.11, 1.x); to try the 1.x shape, pass --pinot-version 1");
        }
        return major == 0 ? PINOT_0_11 : PINOT_1;
    }

    /** {@code schema} (a schema.json) in this shape; the argument is left as it is. */
    public abstract JsonNode schema(JsonNode schema);

    /** {@code table} (a table.json) in this shape; the argument is left as it is. */
    public abstract JsonNode table(JsonNode table);

    @Override
    public String toString() {
        return description;
    }
}
