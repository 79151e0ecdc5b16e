package io.shopstream.udfs;

import io.shopstream.udfs.ContractField.Kind;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonFactory;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonParser;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonToken;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/**
 * Reads a source record's bytes against the input contract (DESIGN.md section 3): the event, or the first reason it
 * is not one. The plain form nearly every record has is read straight from its bytes ({@link PlainEventScanner});
 * any other record in one streaming pass of a JSON parser. The single definition of a valid event: the source
 * tables' format ({@link EventFormatFactory}) reads every record with it into either an event with an event time or
 * a dead letter, never half of each.
 *
 * <p>Required: {@code event_id}, {@code event_type}, {@code event_timestamp}, {@code user_id}, {@code session_id},
 * and {@code product_id} on product events. Every other field of the contract is optional (absent or null), but must
 * have its type when present. Fields outside the contract are ignored, so producers can add fields.
 */
public final class EventParser {

    /** Event times outside this range are refused: see {@link DeadLetterReason#TIMESTAMP_OUT_OF_RANGE}. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST_EXCLUSIVE = Instant.parse("2100-01-01T00:00:00Z");

    private static final StringData PAGE_VIEW = StringData.fromString("page_view");
    private static final StringData PRODUCT_VIEW = StringData.fromString("product_view");
    private static final StringData ADD_TO_CART = StringData.fromString("add_to_cart");
    private static final StringData PURCHASE = StringData.fromString("purchase");
    private static final List<ContractField> REQUIRED = List.of(ContractField.EVENT_ID, ContractField.EVENT_TYPE,
            ContractField.EVENT_TIMESTAMP, ContractField.USER_ID, ContractField.SESSION_ID);

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.StreamReadFeature
                    .STRICT_DUPLICATE_DETECTION)
            .build();

    private EventParser() {}

    /**
     * The event a record holds, or why it holds none. An event is what its own {@code event_type} says, whichever
     * topic it was read from (the dead letter names the topic; an event on another type's topic still counts).
     */
    public static ParsedEvent parse(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return ParsedEvent.malformed(DeadLetterReason.NOT_JSON, "empty record");
        }
        Object[] values = new Object[ContractField.COUNT];
        if (PlainEventScanner.scan(payload, values)) {
            return validate(values, null);
        }
        Arrays.fill(values, null);
        return parseAnyJson(payload, values);
    }

    /** The full reading, for any record: what the plain one leaves over, and the reasons records are refused. */
    static ParsedEvent parseAnyJson(byte[] payload, Object[] values) {
        String wrongType = null;
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ParsedEvent.malformed(DeadLetterReason.NOT_JSON, "not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                ContractField field = ContractField.named(name);
                if (field == null || value == JsonToken.VALUE_NULL) {
                    parser.skipChildren();
                    continue;
                }
                Object read = read(parser, value, field.kind());
                if (read == null) {
                    if (wrongType == null) {
                        wrongType = name + ": " + describe(field.kind()) + " expected, got " + shown(parser, value);
                    }
                    parser.skipChildren();
                } else {
                    values[field.ordinal()] = read;
                }
            }
            if (token != JsonToken.END_OBJECT) {
                return ParsedEvent.malformed(DeadLetterReason.NOT_JSON, "not a JSON object");
            }
            if (parser.nextToken() != null) {
                return ParsedEvent.malformed(DeadLetterReason.NOT_JSON, "more after the JSON object");
            }
        } catch (JsonProcessingException e) {
            return ParsedEvent.malformed(DeadLetterReason.NOT_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            return ParsedEvent.malformed(DeadLetterReason.NOT_JSON, String.valueOf(e.getMessage()));
        }
        return validate(values, wrongType);
    }

    private static ParsedEvent validate(Object[] values, String wrongType) {
        StringData type = text(values, ContractField.EVENT_TYPE);
        boolean pageView = PAGE_VIEW.equals(type);
        boolean bought = PURCHASE.equals(type);
        boolean carted = bought || ADD_TO_CART.equals(type);
        boolean product = carted || PRODUCT_VIEW.equals(type);
        if (type != null && !pageView && !product) {
            return ParsedEvent.malformed(DeadLetterReason.UNKNOWN_EVENT_TYPE, "event_type '" + type + "'");
        }
        for (ContractField field : REQUIRED) {
            if (values[field.ordinal()] == null && !isWrongTypeOf(wrongType, field)) {
                return ParsedEvent.malformed(DeadLetterReason.MISSING_FIELD, field.jsonName());
            }
        }
        if (wrongType != null) {
            return ParsedEvent.malformed(DeadLetterReason.WRONG_TYPE, wrongType);
        }
        if (product && values[ContractField.PRODUCT_ID.ordinal()] == null) {
            return ParsedEvent.malformed(DeadLetterReason.MISSING_FIELD, "product_id");
        }
        String timestamp = text(values, ContractField.EVENT_TIMESTAMP).toString();
        Instant eventTime = ParseEventTime.parse(timestamp);
        if (eventTime == null) {
            return ParsedEvent.malformed(DeadLetterReason.BAD_TIMESTAMP, "event_timestamp '" + timestamp + "'");
        }
        if (eventTime.isBefore(EARLIEST) || !eventTime.isBefore(LATEST_EXCLUSIVE)) {
            return ParsedEvent.malformed(DeadLetterReason.TIMESTAMP_OUT_OF_RANGE, "event_timestamp '" + timestamp
                    + "' is outside [" + EARLIEST + ", " + LATEST_EXCLUSIVE + ")");
        }
        // Only the fields of its type, as the per-type source tables read them: a page view's stray product_id
        // is no product event.
        return new ParsedEvent(null, null, text(values, ContractField.EVENT_ID), type,
                TimestampData.fromInstant(eventTime), text(values, ContractField.USER_ID),
                text(values, ContractField.SESSION_ID), text(values, ContractField.DEVICE_TYPE),
                text(values, ContractField.OS), text(values, ContractField.BROWSER),
                text(values, ContractField.LOCATION),
                product ? text(values, ContractField.PRODUCT_ID) : null,
                product ? text(values, ContractField.PRODUCT_NAME) : null,
                product ? text(values, ContractField.PRODUCT_CATEGORY) : null,
                product ? (DecimalData) values[ContractField.PRICE.ordinal()] : null,
                carted ? (Integer) values[ContractField.QUANTITY.ordinal()] : null,
                bought ? (DecimalData) values[ContractField.TOTAL_AMOUNT.ordinal()] : null,
                bought ? text(values, ContractField.ORDER_ID) : null);
    }

    private static boolean isWrongTypeOf(String wrongType, ContractField field) {
        return wrongType != null && wrongType.startsWith(field.jsonName() + ":");
    }

    /** The value at the parser in the field's type, or null when it has another type. */
    private static Object read(JsonParser parser, JsonToken token, Kind kind) throws IOException {
        switch (kind) {
            case TEXT:
                return token == JsonToken.VALUE_STRING ? StringData.fromString(parser.getText()) : null;
            case INT:
                return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                        ? parser.getIntValue() : null;
            case DOUBLE:
                return token.isNumeric() ? parser.getDoubleValue() : null;
            case DECIMAL:
                if (!token.isNumeric()) {
                    return null;
                }
                return ContractField.decimal(parser.getDecimalValue());
            default:
                throw new IllegalStateException("not handled: " + kind);
        }
    }

    private static String describe(Kind kind) {
        switch (kind) {
            case TEXT:
                return "a string";
            case INT:
                return "an integer";
            case DECIMAL:
                return "a number that fits DECIMAL(12, 2)";
            default:
                return "a number";
        }
    }

    private static String shown(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "\"" + parser.getText() + "\"";
            default:
                return parser.getText();
        }
    }

    private static StringData text(Object[] values, ContractField field) {
        return (StringData) values[field.ordinal()];
    }
}
