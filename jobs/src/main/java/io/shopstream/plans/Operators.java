package io.shopstream.plans;

import java.util.Map;
import java.util.Set;

/**
 * What each kind of plan node is, in the analyst's words, and whether it keeps state that a savepoint carries over.
 * Sources (their read positions) and sinks (their transactions) are handled apart: they are matched by the table
 * they read or write. A kind this list does not know counts as stateful: claiming state that is not there only
 * costs a version bump, missing state that is there loses data.
 */
final class Operators {

    private static final String PREFIX = "stream-exec-";

    static final String SOURCE = PREFIX + "table-source-scan";
    static final String SINK = PREFIX + "sink";

    /** Operators that keep nothing in a checkpoint (local pre-aggregations flush before every checkpoint). */
    private static final Set<String> STATELESS = Set.of(
            PREFIX + "calc", PREFIX + "union", PREFIX + "exchange", PREFIX + "correlate", PREFIX + "expand",
            PREFIX + "watermark-assigner", PREFIX + "values", PREFIX + "drop-update-before",
            PREFIX + "mini-batch-assigner", PREFIX + "local-group-aggregate", PREFIX + "local-window-aggregate",
            PREFIX + "window-table-function", PREFIX + "lookup-join", PREFIX + "async-calc", PREFIX + "python-calc",
            PREFIX + "python-correlate");

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry(PREFIX + "calc", "the filter/projection (WHERE, SELECT expressions)"),
            Map.entry(PREFIX + "union", "the UNION ALL"),
            Map.entry(PREFIX + "exchange", "the redistribution of rows between parallel tasks"),
            Map.entry(PREFIX + "correlate", "the table function (LATERAL TABLE)"),
            Map.entry(PREFIX + "expand", "the expansion of rows for DISTINCT aggregates"),
            Map.entry(PREFIX + "watermark-assigner", "the watermark assigner"),
            Map.entry(PREFIX + "values", "the VALUES"),
            Map.entry(PREFIX + "drop-update-before", "the dropping of update-before rows"),
            Map.entry(PREFIX + "mini-batch-assigner", "the mini-batch assigner"),
            Map.entry(PREFIX + "local-group-aggregate", "the local pre-aggregation"),
            Map.entry(PREFIX + "local-window-aggregate", "the local window pre-aggregation"),
            Map.entry(PREFIX + "window-table-function", "the window assignment (TUMBLE/HOP/CUMULATE)"),
            Map.entry(PREFIX + "lookup-join", "the lookup join"),
            Map.entry(PREFIX + "group-aggregate", "the aggregate"),
            Map.entry(PREFIX + "global-group-aggregate", "the aggregate"),
            Map.entry(PREFIX + "incremental-group-aggregate", "the aggregate of DISTINCT values"),
            Map.entry(PREFIX + "group-table-aggregate", "the table aggregate"),
            Map.entry(PREFIX + "window-aggregate", "the window aggregate"),
            Map.entry(PREFIX + "global-window-aggregate", "the window aggregate"),
            Map.entry(PREFIX + "group-window-aggregate", "the group window aggregate"),
            Map.entry(PREFIX + "window-rank", "the window Top-N"),
            Map.entry(PREFIX + "window-deduplicate", "the window deduplication"),
            Map.entry(PREFIX + "window-join", "the window join"),
            Map.entry(PREFIX + "join", "the join (both sides kept in state)"),
            Map.entry(PREFIX + "interval-join", "the interval join"),
            Map.entry(PREFIX + "temporal-join", "the temporal join (FOR SYSTEM_TIME AS OF)"),
            Map.entry(PREFIX + "deduplicate", "the deduplication (ROW_NUMBER() = 1)"),
            Map.entry(PREFIX + "rank", "the Top-N (ROW_NUMBER/RANK)"),
            Map.entry(PREFIX + "sort-limit", "the ORDER BY ... LIMIT"),
            Map.entry(PREFIX + "limit", "the LIMIT"),
            Map.entry(PREFIX + "sort", "the ORDER BY"),
            Map.entry(PREFIX + "temporal-sort", "the ORDER BY on time"),
            Map.entry(PREFIX + "over-aggregate", "the OVER aggregate"),
            Map.entry(PREFIX + "changelog-normalize", "the changelog normalization (latest row per key)"),
            Map.entry(PREFIX + "match", "the MATCH_RECOGNIZE pattern"));

    private Operators() {}

    static boolean isSource(PlanNode node) {
        return node.kind().equals(SOURCE) || node.kind().equals(PREFIX + "legacy-table-source-scan");
    }

    static boolean isSink(PlanNode node) {
        return node.kind().equals(SINK) || node.kind().equals(PREFIX + "legacy-sink");
    }

    /**
     * Whether the node keeps state beyond its table's identity: every operator not known to be stateless, plus a
     * sink or a lookup join that declares state (a sink's upsert materializer, a lookup join's materialization).
     */
    static boolean keepsState(PlanNode node) {
        if (node.declaresState()) {
            return true;
        }
        if (isSource(node) || isSink(node)) {
            return false;
        }
        if (node.kind().equals(PREFIX + "window-table-function")) {
            // Session windows are assigned with state; tumbling, hopping and cumulative ones without.
            return node.json().path("windowing").path("window").path("type").asText().startsWith("Session");
        }
        return !STATELESS.contains(node.kind());
    }

    /** The operator in words, without its particulars: {@code the aggregate}. */
    static String words(PlanNode node) {
        if (isSource(node)) {
            return "the source " + node.table();
        }
        if (isSink(node)) {
            return node.declaresState() ? "the upsert materializer of the sink " + node.table()
                    : "the sink " + node.table();
        }
        return WORDS.getOrDefault(node.kind(), "the " + node.kind().replace(PREFIX, "") + " operator");
    }
}
