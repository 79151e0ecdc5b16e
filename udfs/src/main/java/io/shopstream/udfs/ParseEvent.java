package io.shopstream.udfs;

import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * {@code LATERAL TABLE(PARSE_EVENT(payload))}: exactly one row per source record, the record
 * read once against the input contract (see {@link EventParser}). {@code reason} is NULL for an event, whose columns
 * are then filled; for a dead letter it is the {@link DeadLetterReason} code and {@code detail} says what is wrong.
 *
 * <p>A table function rather than a scalar function returning a ROW: Flink's code generation evaluates a scalar
 * function once per field read from its result, which would parse every record once per column.
 *
 * <p>Counts the records it reads per reason, as the metrics {@code malformed_events.<reason>} of the operator (in the
 * Flink dashboard and the REST API, under the job's task metrics); every reason is registered at start, at 0.
 */
@FunctionHint(output = @DataTypeHint("ROW<reason STRING, detail STRING, event_id STRING, event_type STRING,"
        + " user_id STRING, session_id STRING, device_type STRING, os STRING, browser STRING, location STRING,"
        + " product_id STRING, product_name STRING, product_category STRING, price DECIMAL(12, 2), quantity INT,"
        + " total_amount DECIMAL(12, 2), order_id STRING>"))
public class ParseEvent extends TableFunction<Row> {

    /** The metric group the per-reason counters are in. */
    public static final String METRIC_GROUP = "malformed_events";

    private transient Map<DeadLetterReason, Counter> counters;

    @Override
    public void open(FunctionContext context) throws Exception {
        MetricGroup group = context.getMetricGroup().addGroup(METRIC_GROUP);
        counters = new EnumMap<>(DeadLetterReason.class);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            counters.put(reason, group.counter(reason.code()));
        }
    }

    public void eval(byte[] payload) {
        ParsedEvent event = EventParser.parseRemembered(payload);
        if (!event.isValid() && counters != null) {
            counters.get(event.reason()).inc();
        }
        collect(Row.of(event.reason() == null ? null : event.reason().code(), event.detail(), event.eventId(),
                event.eventType(), event.userId(), event.sessionId(), event.deviceType(), event.os(), event.browser(),
                event.location(), event.productId(), event.productName(), event.productCategory(), event.price(),
                event.quantity(), event.totalAmount(), event.orderId()));
    }
}
