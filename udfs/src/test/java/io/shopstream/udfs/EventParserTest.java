package io.shopstream.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventParserTest {

    private static final String PURCHASE = "{\"event_id\":\"e1\",\"event_type\":\"purchase\","
            + "\"event_timestamp\":\"2026-11-23T20:00:59.999+05:45\",\"user_id\":\"u1\",\"session_id\":\"s1\","
            + "\"device_type\":\"mobile\",\"os\":\"ios\",\"browser\":\"safari\",\"location\":\"Kathmandu\","
            + "\"product_id\":\"p-0001\",\"product_name\":\"Gel Pen\",\"product_category\":\"office\","
            + "\"price\":0.1,\"quantity\":3,\"total_amount\":0.30,\"order_id\":\"o1\"}";
    private static final String PAGE_VIEW = "{\"event_id\":\"e2\",\"event_type\":\"page_view\","
            + "\"event_timestamp\":\"2026-11-23T20:00:00Z\",\"user_id\":\"u1\",\"session_id\":\"s1\","
            + "\"page_url\":\"https://shop.example/\",\"time_spent\":3.75}";

    @Test
    void readsEveryFieldOfAValidEventTypedAsTheSourceTablesDeclareThem() {
        ParsedEvent event = parse(PURCHASE);

        assertThat(event.isValid()).isTrue();
        assertThat(event.eventTime().toInstant()).isEqualTo(Instant.parse("2026-11-23T14:15:59.999Z"));
        assertThat(parse(PURCHASE)).as("the same record reads the same").isEqualTo(event);
        assertThat(event.eventId()).hasToString("e1");
        assertThat(event.sessionId()).hasToString("s1");
        assertThat(event.location()).hasToString("Kathmandu");
        assertThat(event.price().toBigDecimal()).isEqualTo(new BigDecimal("0.10"));
        assertThat(event.quantity()).isEqualTo(3);
        assertThat(event.totalAmount().toBigDecimal()).isEqualTo(new BigDecimal("0.30"));
        assertThat(event.orderId()).hasToString("o1");
    }

    @Test
    void optionalFieldsMayBeAbsentOrNullAndUnknownFieldsAreIgnored() {
        ParsedEvent event = parse("{\"event_id\":\"e\",\"event_type\":\"page_view\",\"event_timestamp\":"
                + "\"2026-11-23T20:00:00Z\",\"user_id\":\"u\",\"session_id\":\"s\",\"os\":null,"
                + "\"experiment\":{\"arm\":[1,2]},\"ab\":[true]}");

        assertThat(event.isValid()).as(event.toString()).isTrue();
        assertThat(event.os()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // The generator's malformations (Malformation in event-generator), one of each kind.
        "cut off                     | {\"event_id\":\"e1\",\"event_type\":\"purch        | not_json",
        "empty                       |                                                  | not_json",
        "a JSON array                | [1,2]                                            | not_json",
        "a JSON string               | \"page_view\"                                    | not_json",
        "text after the object       | {\"a\":1} {\"b\":2}                              | not_json",
    })
    void recordsThatAreNotAJsonObjectAreNotJson(String what, String payload, String reason) {
        assertThat(parse(payload == null ? "" : payload).reason().code()).isEqualTo(reason);
    }

    @Test
    void binaryGarbageIsNotJson() {
        byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, 0x7b, (byte) 0x80, 0x22};
        ParsedEvent event = EventParser.parse(garbage);

        assertThat(event.reason()).isEqualTo(DeadLetterReason.NOT_JSON);
        assertThat(event.eventTime()).isNull();
    }

    @Test
    void aFieldNamedTwiceIsNotJsonSoNoReaderCanPickADifferentOne() {
        String twice = PAGE_VIEW.replace("\"user_id\":\"u1\"", "\"user_id\":\"u1\",\"user_id\":\"u2\"");
        assertThat(parse(twice).reason()).isEqualTo(DeadLetterReason.NOT_JSON);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"quantity\":3 | \"quantity\":\"two\" | wrong_type | quantity: an integer expected, got \"two\"",
        "\"quantity\":3 | \"quantity\":2.5 | wrong_type | quantity: an integer expected, got 2.5",
        "\"quantity\":3 | \"quantity\":3000000000 | wrong_type | quantity: an integer expected, got 3000000000",
        "\"price\":0.1 | \"price\":\"12,99 EUR\" | wrong_type | price: @DEC expected, got \"12,99 EUR\"",
        "\"price\":0.1 | \"price\":12345678901.5 | wrong_type | price: @DEC expected, got 12345678901.5",
        "\"user_id\":\"u1\" | \"user_id\":42 | wrong_type | user_id: a string expected, got 42",
        "\"product_name\":\"Gel Pen\" | \"product_name\":{\"en\":1} | wrong_type"
            + " | product_name: a string expected, got an object",
        "\"user_id\":\"u1\",                 | ''                             | missing_field | user_id",
        "\"session_id\":\"s1\"               | \"session_id\":null            | missing_field | session_id",
        "\"product_id\":\"p-0001\",          | ''                             | missing_field | product_id",
        "\"event_type\":\"purchase\" | \"event_type\":\"wishlist_add\" | unknown_event_type"
            + " | event_type 'wishlist_add'",
        "\"event_type\":\"purchase\" | \"event_type\":\"PageView\" | unknown_event_type | event_type 'PageView'",
        "@TS | \"2026-11-23 25:61:00\" | bad_timestamp | event_timestamp '2026-11-23 25:61:00'",
        "@TS | \"yesterday\" | bad_timestamp | event_timestamp 'yesterday'",
        "@TS | \"2026-02-30T10:00:00Z\" | bad_timestamp | event_timestamp '2026-02-30T10:00:00Z'",
        "\"2026-11-23T20:00:59.999+05:45\"   | \"\"                           | bad_timestamp | event_timestamp ''",
        "\"event_timestamp\":@TS | \"event_timestamp\":1763888400 | wrong_type"
            + " | event_timestamp: a string expected, got 1763888400",
        "@TS | \"9999-12-31T23:59:59Z\" | timestamp_out_of_range | event_timestamp '9999-12-31T23:59:59Z'@RANGE",
        "@TS | \"1970-01-01T00:00:00Z\" | timestamp_out_of_range | event_timestamp '1970-01-01T00:00:00Z'@RANGE",
    })
    void saysWhatIsWrongWithAnEventThatBreaksTheContract(String field, String replacement, String reason,
            String detail) {
        String timestamp = "\"2026-11-23T20:00:59.999+05:45\"";
        String payload = PURCHASE.replace(field.trim().replace("@TS", timestamp), replacement.trim());
        assertThat(payload).isNotEqualTo(PURCHASE);

        ParsedEvent event = parse(payload);

        assertThat(event.reason().code()).as(payload).isEqualTo(reason);
        assertThat(event.detail()).isEqualTo(detail
                .replace("@RANGE", " is outside [2000-01-01T00:00:00Z, 2100-01-01T00:00:00Z)")
                .replace("@DEC", "a number that fits DECIMAL(12, 2)"));
        assertThat(event.eventTime()).as("a dead letter never reaches the watermark").isNull();
    }

    @Test
    void numbersWithHugeExponentsAreReadAtOnce() {
        ParsedEvent huge = parse(PURCHASE.replace("\"price\":0.1", "\"price\":1e234567890"));
        assertThat(huge.reason()).isEqualTo(DeadLetterReason.WRONG_TYPE);
        assertThat(huge.detail()).isEqualTo("price: a number that fits DECIMAL(12, 2) expected, got 1e234567890");

        ParsedEvent tiny = parse(PURCHASE.replace("\"price\":0.1", "\"price\":-9.99e-234567890"));
        assertThat(tiny.isValid()).isTrue();
        assertThat(tiny.price().toBigDecimal()).isEqualTo(new BigDecimal("0.00"));
        assertThat(parse(PURCHASE.replace("\"price\":0.1", "\"price\":0.0051")).price().toBigDecimal())
                .isEqualTo(new BigDecimal("0.01"));
        assertThat(parse(PURCHASE.replace("\"price\":0.1", "\"price\":9999999999.994")).price().toBigDecimal())
                .isEqualTo(new BigDecimal("9999999999.99"));
        assertThat(parse(PURCHASE.replace("\"price\":0.1", "\"price\":9999999999.995")).reason())
                .isEqualTo(DeadLetterReason.WRONG_TYPE);
    }

    @Test
    void aPageViewNeedsNoProductButItsTimeSpentMustBeANumber() {
        assertThat(parse(PAGE_VIEW).isValid()).isTrue();
        ParsedEvent event = parse(PAGE_VIEW.replace("3.75", "\"a while\""));
        assertThat(event.reason()).isEqualTo(DeadLetterReason.WRONG_TYPE);
        assertThat(event.detail()).isEqualTo("time_spent: a number expected, got \"a while\"");
    }

    @Test
    void anEventIsWhatItsTypeSaysAndHasOnlyItsTypesFields() {
        ParsedEvent pageView = parse(PURCHASE.replace("\"event_type\":\"purchase\"", "\"event_type\":\"page_view\""));
        assertThat(pageView.isValid()).isTrue();
        assertThat(pageView.productId()).isNull();
        assertThat(pageView.totalAmount()).isNull();
        ParsedEvent cart = parse(PURCHASE.replace("\"event_type\":\"purchase\"", "\"event_type\":\"add_to_cart\""));
        assertThat(cart.quantity()).isEqualTo(3);
        assertThat(cart.orderId()).isNull();
    }

    @Test
    void payloadsReadAsTextWhenTheyAreUtf8AndByteForByteInBase64() {
        String text = "{\"a\":\"é\"}";
        assertThat(new PayloadText().eval(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(new PayloadText().eval(new byte[] {(byte) 0xff, 0x41})).isNull();
        assertThat(new PayloadBase64().eval(new byte[] {(byte) 0xff, 0x41})).isEqualTo("/0E=");
        assertThat(new PayloadText().eval(null)).isNull();
    }

    private static ParsedEvent parse(String payload) {
        return EventParser.parse(payload.getBytes(StandardCharsets.UTF_8));
    }
}
