package io.shopstream.udfs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.table.data.DecimalData;

/**
 * The fields of the input contract (DESIGN.md section 3) and the JSON value each must have. A record's other fields
 * are not the contract's, and readers ignore them.
 */
enum ContractField {
    EVENT_ID(Kind.TEXT),
    EVENT_TYPE(Kind.TEXT),
    EVENT_TIMESTAMP(Kind.TEXT),
    USER_ID(Kind.TEXT),
    SESSION_ID(Kind.TEXT),
    DEVICE_TYPE(Kind.TEXT),
    OS(Kind.TEXT),
    BROWSER(Kind.TEXT),
    LOCATION(Kind.TEXT),
    PAGE_URL(Kind.TEXT),
    REFERRER_URL(Kind.TEXT),
    PRODUCT_ID(Kind.TEXT),
    PRODUCT_NAME(Kind.TEXT),
    PRODUCT_CATEGORY(Kind.TEXT),
    ORDER_ID(Kind.TEXT),
    PRICE(Kind.DECIMAL),
    TOTAL_AMOUNT(Kind.DECIMAL),
    QUANTITY(Kind.INT),
    TIME_SPENT(Kind.DOUBLE);

    /** How many fields the contract has: the size of an array indexed by {@link #ordinal()}. */
    static final int COUNT = values().length;

    /** What a field's value must be: a string, a number that fits DECIMAL(12, 2), an integer, any number. */
    enum Kind { TEXT, DECIMAL, INT, DOUBLE }

    /** A {@link Kind#DECIMAL} field's SQL type: DECIMAL(12, 2). */
    static final int DECIMAL_PRECISION = 12;
    static final int DECIMAL_SCALE = 2;
    /** What every number below a thousandth rounds to. */
    private static final DecimalData ZERO_CENTS = DecimalData.zero(DECIMAL_PRECISION, DECIMAL_SCALE);

    private static final Map<String, ContractField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(field -> field.jsonName, Function.identity()));
    /** The fields by the length of their name: a name read from bytes is compared with those of its length only. */
    private static final ContractField[][] BY_NAME_LENGTH = byNameLength();

    private final Kind kind;
    private final String jsonName;
    private final byte[] jsonNameBytes;

    ContractField(Kind kind) {
        this.kind = kind;
        this.jsonName = name().toLowerCase(Locale.ROOT);
        this.jsonNameBytes = jsonName.getBytes(StandardCharsets.US_ASCII);
    }

    Kind kind() {
        return kind;
    }

    /** The field's name in a record: {@code event_id}. */
    String jsonName() {
        return jsonName;
    }

    /** The contract's field of that name, or null when the name is not one of the contract's. */
    static ContractField named(String name) {
        return BY_NAME.get(name);
    }

    /** The contract's field whose name is {@code bytes[from, to)} in ASCII, or null. */
    static ContractField named(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length >= BY_NAME_LENGTH.length) {
            return null;
        }
        for (ContractField field : BY_NAME_LENGTH[length]) {
            if (Arrays.equals(field.jsonNameBytes, 0, length, bytes, from, to)) {
                return field;
            }
        }
        return null;
    }

    /**
     * A number as a {@link Kind#DECIMAL} field holds it, read the way Flink's JSON format reads a DECIMAL(12, 2):
     * rounded half up to cents. Null when it does not fit.
     */
    static DecimalData decimal(BigDecimal number) {
        // Decided from the exponent first: rescaling 1e234567890 or 1e-234567890 would take the source minutes.
        int integerDigits = number.precision() - number.scale();
        if (integerDigits > DECIMAL_PRECISION - DECIMAL_SCALE) {
            return null;
        }
        if (integerDigits < -DECIMAL_SCALE) {
            return ZERO_CENTS;
        }
        BigDecimal cents = number.setScale(DECIMAL_SCALE, RoundingMode.HALF_UP);
        return cents.precision() > DECIMAL_PRECISION ? null
                : DecimalData.fromBigDecimal(cents, DECIMAL_PRECISION, DECIMAL_SCALE);
    }

    private static ContractField[][] byNameLength() {
        int longest = Arrays.stream(values()).mapToInt(field -> field.jsonName.length()).max().orElseThrow();
        ContractField[][] byLength = new ContractField[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int wanted = length;
            byLength[length] = Arrays.stream(values()).filter(field -> field.jsonName.length() == wanted)
                    .toArray(ContractField[]::new);
        }
        return byLength;
    }
}
