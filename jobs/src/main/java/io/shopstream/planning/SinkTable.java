package io.shopstream.planning;

import io.shopstream.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table a pipeline INSERTs into, with its resolved connector options, the columns it stores (computed ones left
 * out), its primary key (empty when it has none), the statement that created it (when the pipeline file did) and the
 * INSERT that writes it.
 */
public record SinkTable(String name, Map<String, String> options, List<Column> columns, List<String> primaryKey,
        Optional<Statement> createdBy, Statement insert) {

    public SinkTable {
        options = Map.copyOf(options);
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /**
     * A stored column and the root of its Flink type ({@code BIGINT}, {@code VARCHAR}, {@code DECIMAL}, ...).
     */
    public record Column(String name, String type) {}

    public String connector() {
        return options.getOrDefault("connector", "");
    }

    public boolean isKafka() {
        return connector().equals("kafka") || connector().equals("upsert-kafka");
    }

    /** Whether rows are revised by key (upsert-kafka) rather than appended. */
    public boolean isUpsert() {
        return connector().equals("upsert-kafka");
    }

    public Optional<String> topic() {
        return Optional.ofNullable(options.get("topic"));
    }
}
