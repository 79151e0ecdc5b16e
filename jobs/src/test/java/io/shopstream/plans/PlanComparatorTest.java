package io.shopstream.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopstream.testing.RepositorySql;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The comparison on plans edited here, node by node, for what no SQL edit of the repository produces on demand: a
 * stateless node inserted before the stateful ones, which shifts every id the planner hands out after it.
 */
class PlanComparatorTest {

    private static ObjectNode committed(String file) throws Exception {
        return PlanJson.parse(Files.readString(RepositorySql.DIRECTORY.resolve("plans/local/" + file)), file);
    }

    /** The node of {@code type} in a plan. */
    private static ObjectNode node(ObjectNode plan, String type) {
        for (JsonNode node : plan.path("nodes")) {
            if (node.path("type").asText().equals(type)) {
                return (ObjectNode) node;
            }
        }
        throw new AssertionError("no " + type);
    }

    /**
     * {@code committed} as the planner would number it after inserting a pass-through Calc right before the group
     * aggregate: every node from there on one id further, all of them 1000 further (another JVM's numbering).
     */
    private static ObjectNode withCalcBeforeTheAggregate(ObjectNode committed) {
        ObjectNode plan = committed.deepCopy();
        int aggregate = node(plan, "stream-exec-group-aggregate_1").path("id").asInt();
        ArrayNode nodes = (ArrayNode) plan.path("nodes");
        List<JsonNode> reordered = new ArrayList<>();
        ObjectNode exchange = node(plan, "stream-exec-exchange_1");
        for (JsonNode node : nodes) {
            int id = node.path("id").asInt();
            ((ObjectNode) node).put("id", 1000 + (id >= aggregate ? id + 1 : id));
            reordered.add(node);
            if (node == exchange) {
                ObjectNode calc = plan.objectNode();
                calc.put("id", 1000 + aggregate);
                calc.put("type", "stream-exec-calc_1");
                calc.set("projection", plan.arrayNode());
                calc.putNull("condition");
                calc.set("outputType", exchange.path("outputType").deepCopy());
                calc.put("description", "Calc(select=[...])");
                reordered.add(calc);
            }
        }
        nodes.removeAll();
        nodes.addAll(reordered);
        ArrayNode edges = (ArrayNode) plan.path("edges");
        for (JsonNode edge : edges) {
            for (String end : List.of("source", "target")) {
                int id = edge.path(end).asInt();
                ((ObjectNode) edge).put(end, 1000 + (id >= aggregate ? id + 1 : id));
            }
        }
        for (JsonNode edge : edges) {
            if (edge.path("target").asInt() == 1000 + aggregate + 1) {
                ((ObjectNode) edge).put("target", 1000 + aggregate);
                ObjectNode added = edge.deepCopy();
                added.put("source", 1000 + aggregate);
                added.put("target", 1000 + aggregate + 1);
                edges.add(added);
                break;
            }
        }
        return plan;
    }

    @Test
    void anInsertedStatelessNodeKeepsStateAndEveryCommittedId() throws Exception {
        ObjectNode committed = committed("session_metrics.v3.json");
        int highest = 0;
        for (JsonNode node : committed.path("nodes")) {
            highest = Math.max(highest, node.path("id").asInt());
        }

        PlanComparison comparison = PlanComparator.compare(committed, withCalcBeforeTheAggregate(committed));

        assertThat(comparison.identical()).isFalse();
        assertThat(comparison.breaksState()).isFalse();
        assertThat(comparison.changes()).extracting(Change::toString).containsExactly(
                "the filter/projection (WHERE, SELECT expressions) feeding the aggregate per session_id: added");
        ObjectNode aligned = comparison.plan();
        assertThat(node(aligned, "stream-exec-group-aggregate_1").path("id"))
                .isEqualTo(node(committed, "stream-exec-group-aggregate_1").path("id"));
        assertThat(node(aligned, "stream-exec-sink_1").path("id"))
                .isEqualTo(node(committed, "stream-exec-sink_1").path("id"));
        List<Integer> newIds = new ArrayList<>();
        aligned.path("nodes").forEach(node -> newIds.add(node.path("id").asInt()));
        List<Integer> committedIds = new ArrayList<>();
        committed.path("nodes").forEach(node -> committedIds.add(node.path("id").asInt()));
        assertThat(newIds).containsAll(committedIds).contains(highest + 1).hasSize(committedIds.size() + 1);
    }

    @Test
    void thePlanItselfIsIdenticalWhateverItsNumbering() throws Exception {
        ObjectNode committed = committed("product_metrics_1m.v1.json");
        ObjectNode renumbered = committed.deepCopy();
        renumbered.path("nodes").forEach(node -> ((ObjectNode) node).put("id", node.path("id").asInt() + 500));
        renumbered.path("edges").forEach(edge -> {
            ((ObjectNode) edge).put("source", edge.path("source").asInt() + 500);
            ((ObjectNode) edge).put("target", edge.path("target").asInt() + 500);
        });

        PlanComparison comparison = PlanComparator.compare(committed, renumbered);

        assertThat(comparison.identical()).isTrue();
        assertThat(comparison.changes()).isEmpty();
        assertThat(comparison.planText())
                .isEqualTo(Files.readString(RepositorySql.DIRECTORY.resolve("plans/local/product_metrics_1m.v1.json")));
    }

    @Test
    void aRemovedSinkBreaksState() throws Exception {
        ObjectNode committed = committed("active_users_1m.v1.json");
        ObjectNode withoutSink = committed.deepCopy();
        int sink = node(withoutSink, "stream-exec-sink_1").path("id").asInt();
        ArrayNode nodes = (ArrayNode) withoutSink.path("nodes");
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (nodes.get(i).path("id").asInt() == sink) {
                nodes.remove(i);
            }
        }
        ArrayNode edges = (ArrayNode) withoutSink.path("edges");
        for (int i = edges.size() - 1; i >= 0; i--) {
            if (edges.get(i).path("target").asInt() == sink) {
                edges.remove(i);
            }
        }

        PlanComparison comparison = PlanComparator.compare(committed, withoutSink);

        assertThat(comparison.breaksState()).isTrue();
        assertThat(comparison.stateChanges()).extracting(Change::toString).containsExactly("the sink active_users_1m:"
                + " removed: a savepoint holds its open transactions and Flink refuses to restore state that has no"
                + " operator left to go to");
    }
}
