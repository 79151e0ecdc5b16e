package io.shopstream.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must read what it takes exactly as the full parser does, and leave it everything else. */
class PlainEventScannerTest {

    private static final List<String> PLAIN = List.of(
            "{\"event_id\":\"e1\",\"event_type\":\"purchase\",\"event_timestamp\":\"2026-11-23T20:00:59.999+05:45\","
                    + "\"user_id\":\"u1\",\"session_id\":\"s1\",\"device_type\":\"mobile\",\"os\":\"ios\","
                    + "\"browser\":\"safari\",\"location\":\"Kathmandu\",\"product_id\":\"p-0001\","
                    + "\"product_name\":\"Gel Pen\",\"product_category\":\"office\",\"price\":0.125,\"quantity\":3,"
                    + "\"total_amount\":0.30,\"order_id\":\"o1\"}",
            "{\"event_id\":\"e2\",\"event_type\":\"page_view\",\"event_timestamp\":\"2026-11-23T20:00:00Z\","
                    + "\"user_id\":\"u1\",\"session_id\":\"s1\",\"page_url\":\"https://shop.example/\","
                    + "\"referrer_url\":null,\"time_spent\":3.75}",
            " {\n  \"event_type\" : \"add_to_cart\", \"event_id\":\"e3\",\t\"event_timestamp\":\"2026-11-23T20:00:00Z\","
                    + " \"user_id\":\"u2\", \"session_id\":\"s2\", \"product_id\":\"p-9\", \"price\":-0,"
                    + " \"quantity\":-12, \"time_spent\":0 }\r\n",
            "{\"event_id\":\"e4\",\"event_type\":\"product_view\",\"event_timestamp\":\"2026-11-23T20:00:00.5Z\","
                    + "\"user_id\":\"u3\",\"session_id\":\"s3\",\"product_id\":\"p-1\",\"price\":1234567890.994,"
                    + "\"quantity\":null,\"time_spent\":-0.0}");

    @Test
    void readsThePlainFormAsTheFullParserDoes() {
        for (String payload : PLAIN) {
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            assertThat(PlainEventScanner.scan(bytes, values())).as(payload).isTrue();
            assertThat(EventParser.parse(bytes)).as(payload).isEqualTo(fullParse(bytes));
        }
        ParsedEvent purchase = EventParser.parse(PLAIN.get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(purchase.price().toBigDecimal()).isEqualTo(new BigDecimal("0.13"));
        assertThat(purchase.totalAmount().toBigDecimal()).isEqualTo(new BigDecimal("0.30"));
        assertThat(purchase.location()).hasToString("Kathmandu");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"experiment\":\"b\"",
        "\"user_id\":\"u1\"",
        "\"location\":\"K\\u00e4the\"",
        "\"location\":\"Zürich\"",
        "\"quantity\":1e2",
        "\"quantity\":1234567890",
        "\"quantity\":2.0",
        "\"quantity\":\"2\"",
        "\"price\":12345678901.5",
        "\"os\":true",
        "\"os\":{}",
        "\"time_spent\":-0",
    })
    void leavesEveryOtherFormToTheFullParser(String field) {
        byte[] bytes = PLAIN.get(1).replace("\"session_id\"", field + ",\"session_id\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(PlainEventScanner.scan(bytes, values())).isFalse();
        assertThat(EventParser.parse(bytes)).isEqualTo(fullParse(bytes));
    }

    /**
     * Every record one edit away from a plain event (a byte removed, inserted or replaced, anywhere) is read exactly
     * as the full parser reads it, whichever of the two takes it.
     */
    @Test
    void recordsOneEditAwayFromPlainOnesReadAsTheFullParserReadsThem() {
        byte[] inserts = "\"\\ \n,:{}[]019-.entu".getBytes(StandardCharsets.US_ASCII);
        byte[][] extra = {{0}, {0x7f}, {(byte) 0x80}, {(byte) 0xc3, (byte) 0xa9}};
        int compared = 0;
        int takenPlain = 0;
        for (String payload : PLAIN) {
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            for (int at = 0; at <= bytes.length; at++) {
                List<byte[]> edits = new java.util.ArrayList<>();
                if (at < bytes.length) {
                    edits.add(edit(bytes, at, 1, new byte[0]));
                }
                for (byte insert : inserts) {
                    edits.add(edit(bytes, at, 0, new byte[] {insert}));
                    if (at < bytes.length) {
                        edits.add(edit(bytes, at, 1, new byte[] {insert}));
                    }
                }
                for (byte[] insert : extra) {
                    edits.add(edit(bytes, at, 0, insert));
                }
                for (byte[] edited : edits) {
                    boolean plain = PlainEventScanner.scan(edited, values());
                    assertThat(EventParser.parse(edited))
                            .as(new String(edited, StandardCharsets.UTF_8)).isEqualTo(fullParse(edited));
                    compared++;
                    takenPlain += plain ? 1 : 0;
                }
            }
        }
        assertThat(compared).isGreaterThan(35_000);
        assertThat(takenPlain).as("edits the fast path still takes (values, whitespace)").isGreaterThan(2_000);
        assertThat(compared - takenPlain).as("edits left to the full parser").isGreaterThan(20_000);
    }

    /**
     * Numbers are read from their digits, without BigDecimal, when that is exact: prices and quantities of every
     * width around the limits read as the full parser reads them (rounded to cents, or refused).
     */
    @Test
    void numbersReadFromTheirDigitsAsTheFullParserReadsThem() {
        java.util.Random random = new java.util.Random(20261205);
        int taken = 0;
        for (int i = 0; i < 20_000; i++) {
            String price = randomNumber(random, 1 + random.nextInt(12), random.nextInt(5));
            String quantity = randomNumber(random, 1 + random.nextInt(10), 0);
            byte[] bytes = PLAIN.get(0).replace("\"price\":0.125", "\"price\":" + price)
                    .replace("\"quantity\":3", "\"quantity\":" + quantity).getBytes(StandardCharsets.UTF_8);
            boolean plain = PlainEventScanner.scan(bytes, values());
            ParsedEvent event = EventParser.parse(bytes);
            assertThat(event).as(price + " " + quantity).isEqualTo(fullParse(bytes));
            if (plain) {
                assertThat(event.price().toBigDecimal()).as(price)
                        .isEqualTo(new BigDecimal(price).setScale(2, java.math.RoundingMode.HALF_UP));
                assertThat(event.quantity()).as(quantity).isEqualTo(Integer.valueOf(quantity));
                taken++;
            }
        }
        assertThat(taken).as("records the fast path takes").isGreaterThan(5_000);
    }

    private static String randomNumber(java.util.Random random, int wholeDigits, int decimals) {
        StringBuilder number = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
        number.append(wholeDigits == 1 ? random.nextInt(10) : 1 + random.nextInt(9));
        for (int d = 1; d < wholeDigits; d++) {
            number.append(random.nextInt(10));
        }
        if (decimals > 0) {
            number.append('.');
            for (int d = 0; d < decimals; d++) {
                number.append(random.nextInt(10));
            }
        }
        return number.toString();
    }

    private static byte[] edit(byte[] bytes, int at, int removed, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at + removed, bytes.length - at - removed);
        return out.toByteArray();
    }

    private static ParsedEvent fullParse(byte[] bytes) {
        return EventParser.parseAnyJson(bytes, values());
    }

    private static Object[] values() {
        return new Object[ContractField.COUNT];
    }
}
