package io.shopstream.udfs;

import java.util.Set;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * {@code 'format' = 'shopstream-event'}: a source record read against the input contract by {@link EventParser},
 * once, as the connector reads it. Every record becomes one row: an event's columns, or, for a record that is not an
 * event, the reason and its bytes ({@link EventDeserializer}). Parsing in the format rather than in a function of
 * the SQL means a job whose pipelines all read the same table parses each record once, however many views and
 * INSERTs use it: Flink shares one scan between them, where it plans every use of a table function anew.
 */
public final class EventFormatFactory implements DeserializationFormatFactory {

    public static final String IDENTIFIER = "shopstream-event";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DecodingFormat<DeserializationSchema<RowData>> createDecodingFormat(DynamicTableFactory.Context context,
            ReadableConfig formatOptions) {
        return new DecodingFormat<>() {
            @Override
            public DeserializationSchema<RowData> createRuntimeDecoder(DynamicTableSource.Context source,
                    DataType physicalDataType) {
                RowType columns = (RowType) physicalDataType.getLogicalType();
                return new EventDeserializer(columns, source.createTypeInformation(physicalDataType));
            }

            @Override
            public ChangelogMode getChangelogMode() {
                return ChangelogMode.insertOnly();
            }
        };
    }
}
