package io.shopstream.trial;

import io.shopstream.planning.SinkTable;
import java.util.List;

/** What a tried pipeline wrote to one sink: its rows as JSON text, the final row per key for an upsert sink. */
public record TrialOutput(SinkTable sink, String topic, List<String> rows) {

    public TrialOutput {
        rows = List.copyOf(rows);
    }
}
