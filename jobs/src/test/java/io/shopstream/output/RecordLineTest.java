package io.shopstream.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordLineTest {

    private static OutputRecord record(String key, String value) {
        return OutputRecord.of("topic", 0, 7, 0, bytes(key), bytes(value));
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRecordWithoutAKeyIsItsValueWithReadableTimes() {
        assertThat(RecordLine.of(record(null,
                "{\"window_start\":1795464000000,\"window_end\":1795464060000,\"active_users\":3}")))
                .isEqualTo("{\"window_start\":\"2026-11-23 20:00:00\",\"window_end\":\"2026-11-23 20:01:00\","
                        + "\"active_users\":3}");
    }

    @Test
    void aKeyedRecordShowsItsKeyFirst() {
        assertThat(RecordLine.of(record("{\"session_id\":\"s1\"}",
                "{\"session_id\":\"s1\",\"revenue\":25.00,\"last_event_time\":1795464121000}")))
                .isEqualTo("{\"session_id\":\"s1\"} -> {\"session_id\":\"s1\",\"revenue\":25.00,"
                        + "\"last_event_time\":\"2026-11-23 20:02:01\"}");
    }

    @Test
    void aTombstoneShowsItsKeyAsDeleted() {
        assertThat(RecordLine.of(record("{\"session_id\":\"s1\"}", null)))
                .isEqualTo("{\"session_id\":\"s1\"} -> (deleted)");
    }

    @Test
    void timesInAKeyAreReadableToo() {
        assertThat(RecordLine.of(record("{\"window_start\":1795464000000,\"product_id\":\"p1\"}", "{\"views\":2}")))
                .isEqualTo("{\"window_start\":\"2026-11-23 20:00:00\",\"product_id\":\"p1\"} -> {\"views\":2}");
    }
}
