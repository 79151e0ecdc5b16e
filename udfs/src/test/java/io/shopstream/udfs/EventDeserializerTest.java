package io.shopstream.udfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

class EventDeserializerTest {

    private static final String PURCHASE = "{\"event_id\":\"e1\",\"event_type\":\"purchase\","
            + "\"event_timestamp\":\"2026-11-23T20:00:59.999+05:45\",\"user_id\":\"u1\",\"session_id\":\"s1\","
            + "\"product_id\":\"p-0001\",\"price\":0.1,\"quantity\":3,\"total_amount\":0.30,\"order_id\":\"o1\"}";

    /** A table declares the columns it needs, in its own order. */
    private static final RowType COLUMNS = (RowType) DataTypes.ROW(
            DataTypes.FIELD("event_time", DataTypes.TIMESTAMP_LTZ(3)),
            DataTypes.FIELD("reason", DataTypes.STRING()),
            DataTypes.FIELD("detail", DataTypes.STRING()),
            DataTypes.FIELD("payload", DataTypes.BYTES()),
            DataTypes.FIELD("session_id", DataTypes.STRING()),
            DataTypes.FIELD("total_amount", DataTypes.DECIMAL(12, 2)),
            DataTypes.FIELD("quantity", DataTypes.INT().notNull())).getLogicalType();

    private final EventDeserializer deserializer = new EventDeserializer(COLUMNS, null);

    @Test
    void anEventFillsTheDeclaredColumnsAndHasNoReasonOrPayload() {
        RowData row = deserializer.deserialize(PURCHASE.getBytes(StandardCharsets.UTF_8));

        assertThat(row.getArity()).isEqualTo(7);
        assertThat(row.getTimestamp(0, 3))
                .isEqualTo(TimestampData.fromInstant(Instant.parse("2026-11-23T14:15:59.999Z")));
        assertThat(row.isNullAt(1)).as("reason").isTrue();
        assertThat(row.isNullAt(2)).as("detail").isTrue();
        assertThat(row.isNullAt(3)).as("payload: an event is in its columns").isTrue();
        assertThat(row.getString(4).toString()).isEqualTo("s1");
        assertThat(row.getDecimal(5, 12, 2).toBigDecimal()).isEqualByComparingTo(new BigDecimal("0.30"));
        assertThat(row.getInt(6)).isEqualTo(3);
    }

    @Test
    void aRecordThatIsNoEventKeepsItsReasonAndExactBytesAndHasNoEventTime() {
        byte[] bytes = PURCHASE.replace("2026-11-23T20:00:59.999+05:45", "yesterday").getBytes(StandardCharsets.UTF_8);

        RowData row = deserializer.deserialize(bytes);

        assertThat(row.isNullAt(0)).as("event_time: it must not move a watermark").isTrue();
        assertThat(row.getString(1).toString()).isEqualTo("bad_timestamp");
        assertThat(row.getString(2).toString()).isEqualTo("event_timestamp 'yesterday'");
        assertThat(row.getBinary(3)).isEqualTo(bytes);
        assertThat(row.isNullAt(4)).as("no column of a dead letter is filled").isTrue();
    }

    @Test
    void notEvenJsonIsARowWithItsReasonNeverAnException() {
        byte[] bytes = {(byte) 0xff, 0x00, '{'};

        RowData row = deserializer.deserialize(bytes);

        assertThat(row.getString(1).toString()).isEqualTo("not_json");
        assertThat(row.getBinary(3)).isEqualTo(bytes);
    }

    @Test
    void aColumnOutsideTheContractOrOfAnotherTypeIsRefusedWithTheColumnsThereAre() {
        RowType columns = (RowType) DataTypes.ROW(
                DataTypes.FIELD("event_id", DataTypes.STRING()),
                DataTypes.FIELD("page_url", DataTypes.STRING()),
                DataTypes.FIELD("price", DataTypes.DOUBLE())).getLogicalType();

        assertThatThrownBy(() -> new EventDeserializer(columns, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("format 'shopstream-event': column page_url is not a field of the event"
                        + " contract; column price must be DECIMAL(12, 2), not DOUBLE.")
                .hasMessageContaining("Its columns are: reason STRING, detail STRING, payload BYTES, event_id STRING");
    }
}
