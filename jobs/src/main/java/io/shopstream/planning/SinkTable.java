package io.shopstream.planning;

import io.shopstream.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * A table a pipeline INSERTs into, with its resolved connector options, the statement that created it (when the
 * pipeline file did) and the INSERT that writes it.
 */
public record SinkTable(String name, Map<String, String> options, Optional<Statement> createdBy, Statement insert) {

    public SinkTable {
        options = Map.copyOf(options);
    }

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
