package io.shopstream.udfs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Reads a source record's bytes into the row of a {@code 'format' = 'shopstream-event'} table: exactly one row per
 * record, never an exception, so a malformed record can neither fail the job nor vanish. An event fills its
 * columns and leaves {@code reason} NULL; any other record has its {@code reason}, {@code detail} and
 * {@code payload}, and NULL {@code event_time}, so it never moves a watermark.
 *
 * <p>Counts the records it reads per reason, as the metrics {@code malformed_events.<reason>} of the source (in the
 * Flink dashboard and the REST API, under the job's task metrics); every reason is registered at start, at 0.
 */
final class EventDeserializer implements DeserializationSchema<RowData> {

    /** The metric group the per-reason counters are in. */
    static final String METRIC_GROUP = "malformed_events";

    private static final long serialVersionUID = 1L;

    private final EventColumn[] columns;
    private final TypeInformation<RowData> producedType;
    private transient Map<DeadLetterReason, Counter> counters;

    /** @throws ValidationException when the table declares a column the contract has not, or with another type */
    EventDeserializer(RowType declared, TypeInformation<RowData> producedType) {
        this.columns = columnsOf(declared);
        this.producedType = producedType;
    }

    @Override
    public void open(InitializationContext context) {
        MetricGroup group = context.getMetricGroup().addGroup(METRIC_GROUP);
        counters = new EnumMap<>(DeadLetterReason.class);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            counters.put(reason, group.counter(reason.code()));
        }
    }

    @Override
    public RowData deserialize(byte[] message) {
        ParsedEvent event = EventParser.parse(message);
        if (!event.isValid() && counters != null) {
            counters.get(event.reason()).inc();
        }
        EventColumn.Read read = new EventColumn.Read(message, event);
        GenericRowData row = new GenericRowData(columns.length);
        for (int i = 0; i < columns.length; i++) {
            row.setField(i, columns[i].valueOf(read));
        }
        return row;
    }

    @Override
    public boolean isEndOfStream(RowData nextElement) {
        return false;
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return producedType;
    }

    private static EventColumn[] columnsOf(RowType declared) {
        List<EventColumn> columns = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (RowType.RowField field : declared.getFields()) {
            EventColumn column = EventColumn.named(field.getName()).orElse(null);
            if (column == null) {
                problems.add("column " + field.getName() + " is not a field of the event contract");
            } else if (!column.accepts(field.getType())) {
                problems.add("column " + field.getName() + " must be " + column.sqlType() + ", not "
                        + field.getType().asSummaryString());
            } else {
                columns.add(column);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("format '" + EventFormatFactory.IDENTIFIER + "': "
                    + String.join("; ", problems) + ". Its columns are: " + EventColumn.catalogue());
        }
        return columns.toArray(EventColumn[]::new);
    }
}
