package io.shopstream.udfs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * The columns a table of {@code 'format' = 'shopstream-event'} may declare, with the SQL type each must have and
 * how its value comes from a record read against the contract. A table declares those it needs, in any order.
 */
enum EventColumn {
    /** NULL for an event; for any other record, why it is not one ({@link DeadLetterReason#code()}). */
    REASON(DataTypes.STRING(), record -> record.event().isValid() ? null : text(record.event().reason().code())),
    /** What exactly is wrong with a record that is not an event (the field, the value); NULL for an event. */
    DETAIL(DataTypes.STRING(), record -> text(record.event().detail())),
    /** A record that is not an event: its exact bytes, for its dead letter. NULL for an event, which its columns hold. */
    PAYLOAD(DataTypes.BYTES(), record -> record.event().isValid() ? null : record.bytes()),
    EVENT_ID(DataTypes.STRING(), record -> record.event().eventId()),
    EVENT_TYPE(DataTypes.STRING(), record -> record.event().eventType()),
    /** The instant event_timestamp names, whatever its zone offset; NULL for a record that is not an event. */
    EVENT_TIME(DataTypes.TIMESTAMP_LTZ(3), record -> record.event().eventTime()),
    USER_ID(DataTypes.STRING(), record -> record.event().userId()),
    SESSION_ID(DataTypes.STRING(), record -> record.event().sessionId()),
    DEVICE_TYPE(DataTypes.STRING(), record -> record.event().deviceType()),
    OS(DataTypes.STRING(), record -> record.event().os()),
    BROWSER(DataTypes.STRING(), record -> record.event().browser()),
    LOCATION(DataTypes.STRING(), record -> record.event().location()),
    PRODUCT_ID(DataTypes.STRING(), record -> record.event().productId()),
    PRODUCT_NAME(DataTypes.STRING(), record -> record.event().productName()),
    PRODUCT_CATEGORY(DataTypes.STRING(), record -> record.event().productCategory()),
    PRICE(DataTypes.DECIMAL(12, 2), record -> record.event().price()),
    QUANTITY(DataTypes.INT(), record -> record.event().quantity()),
    TOTAL_AMOUNT(DataTypes.DECIMAL(12, 2), record -> record.event().totalAmount()),
    ORDER_ID(DataTypes.STRING(), record -> record.event().orderId());

    /** A record and what it was read as. */
    record Read(byte[] bytes, ParsedEvent event) {}

    private final LogicalType type;
    private final Function<Read, Object> value;

    EventColumn(DataType type, Function<Read, Object> value) {
        this.type = type.getLogicalType();
        this.value = value;
    }

    /** The column's name in SQL: {@code event_time}. */
    String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The column's SQL type: {@code DECIMAL(12, 2)}. */
    String sqlType() {
        return type.copy(true).asSummaryString();
    }

    /** The column's value for a record, in Flink's internal data structures. */
    Object valueOf(Read record) {
        return value.apply(record);
    }

    static Optional<EventColumn> named(String column) {
        return Arrays.stream(values()).filter(candidate -> candidate.columnName().equals(column)).findFirst();
    }

    /** Whether a declared column's type is the one this column has (its nullability aside). */
    boolean accepts(LogicalType declared) {
        return declared.copy(true).equals(type.copy(true));
    }

    /** Every column and its type, for messages. */
    static String catalogue() {
        return Arrays.stream(values()).map(column -> column.columnName() + " " + column.sqlType())
                .collect(Collectors.joining(", "));
    }

    private static StringData text(String value) {
        return value == null ? null : StringData.fromString(value);
    }
}
