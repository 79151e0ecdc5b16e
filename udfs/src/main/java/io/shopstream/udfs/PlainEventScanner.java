package io.shopstream.udfs;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.MemorySegment;
import org.apache.flink.core.memory.MemorySegmentFactory;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.binary.BinaryStringData;

/**
 * The fast path of {@link EventParser}: reads the form nearly every record has straight from its bytes, without a
 * general JSON parser. That form is one JSON object in ASCII whose fields are all the contract's, each at most once,
 * with strings without escapes, numbers without exponents, and nulls, each value of its field's kind.
 *
 * <p>Values are Flink's internal data, read from the bytes without a detour through Java's: a string is a
 * {@link BinaryStringData} over the record's own bytes (its UTF-8, since the plain form has no escapes), which Flink
 * compares, copies and serializes as they are; a number of cents is a {@link DecimalData} of its unscaled value.
 *
 * <p>It answers only when its reading is the one the full parser would make. Any other record (a field outside the
 * contract or named twice, an escape, a byte outside ASCII, a nested value, a value of the wrong kind, anything
 * malformed) it leaves to the full parser, which also says what is wrong with it. A record left over costs a second
 * pass, never a different result.
 */
final class PlainEventScanner {

    /** Digits of an integer that surely fits an INT, with its sign; longer ones are left to the full parser. */
    private static final int INT_DIGITS = 9;
    /** Whole digits of the numbers read to cents here; longer ones (or wider fractions) are left to BigDecimal. */
    private static final int CENTS_WHOLE_DIGITS = ContractField.DECIMAL_PRECISION - ContractField.DECIMAL_SCALE;

    private final byte[] in;
    private int at;
    /** The record's bytes as Flink memory, shared by the strings read from them; made at the first string. */
    private MemorySegment[] segments;

    private PlainEventScanner(byte[] in) {
        this.in = in;
    }

    /**
     * Reads {@code payload} into {@code values}, indexed by {@link ContractField#ordinal()}, as {@link EventParser}
     * holds them: a {@link ContractField.Kind#TEXT} field as a {@code StringData}, a DECIMAL one as a
     * {@code DecimalData} in cents, an INT one as an {@code Integer}. A DOUBLE field (no column reads one) is checked,
     * not kept. A field absent or null stays null. Returns false, with {@code values} partly written, when the record
     * is not of the plain form.
     */
    static boolean scan(byte[] payload, Object[] values) {
        return new PlainEventScanner(payload).object(values);
    }

    private boolean object(Object[] values) {
        skipWhitespace();
        if (!take('{')) {
            return false;
        }
        skipWhitespace();
        if (!take('}')) {
            long seen = 0;
            do {
                skipWhitespace();
                int nameStart = at + 1;
                if (!string()) {
                    return false;
                }
                ContractField field = ContractField.named(in, nameStart, at - 1);
                if (field == null || (seen & (1L << field.ordinal())) != 0) {
                    return false;
                }
                seen |= 1L << field.ordinal();
                skipWhitespace();
                if (!take(':')) {
                    return false;
                }
                skipWhitespace();
                if (!value(field, values)) {
                    return false;
                }
                skipWhitespace();
            } while (take(','));
            if (!take('}')) {
                return false;
            }
        }
        skipWhitespace();
        return at == in.length;
    }

    private boolean value(ContractField field, Object[] values) {
        if (at >= in.length) {
            return false;
        }
        byte first = in[at];
        if (first == 'n') {
            return literal("null");
        }
        int start = at;
        if (first == '"') {
            if (field.kind() != ContractField.Kind.TEXT || !string()) {
                return false;
            }
            values[field.ordinal()] = BinaryStringData.fromAddress(segments(), start + 1, at - start - 2);
            return true;
        }
        if (field.kind() == ContractField.Kind.TEXT) {
            return false;
        }
        boolean whole = number();
        if (!whole && at == start) {
            return false;
        }
        switch (field.kind()) {
            case INT:
                if (!whole || at - start > INT_DIGITS) {
                    return false;
                }
                values[field.ordinal()] = (int) wholeNumber(start, at);
                return true;
            case DECIMAL:
                DecimalData cents = cents(start, at);
                values[field.ordinal()] = cents;
                return cents != null;
            case DOUBLE:
                return !(at - start == 2 && in[start] == '-' && in[start + 1] == '0');
            default:
                return false;
        }
    }

    private MemorySegment[] segments() {
        if (segments == null) {
            segments = new MemorySegment[] {MemorySegmentFactory.wrap(in)};
        }
        return segments;
    }

    /** The integer in {@code in[from, to)}: an optional minus and digits, short enough for a long. */
    private long wholeNumber(int from, int to) {
        return in[from] == '-' ? -digitsValue(from + 1, to) : digitsValue(from, to);
    }

    /** The value of the digits {@code in[from, to)}, short enough for a long. */
    private long digitsValue(int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (in[i] - '0');
        }
        return value;
    }

    /**
     * The number in {@code in[from, to)} (of {@link #number()}'s form) in cents, or null when it does not fit
     * DECIMAL(12, 2). With at most two decimals and ten whole digits it is exact without rounding, and read here;
     * any other is rounded by {@link ContractField#decimal}, the full parser's rule.
     */
    private DecimalData cents(int from, int to) {
        boolean negative = in[from] == '-';
        int wholeFrom = negative ? from + 1 : from;
        int point = wholeFrom;
        while (point < to && in[point] != '.') {
            point++;
        }
        int decimals = point == to ? 0 : to - point - 1;
        if (point - wholeFrom > CENTS_WHOLE_DIGITS || decimals > ContractField.DECIMAL_SCALE) {
            String text = new String(in, from, to - from, StandardCharsets.ISO_8859_1);
            return ContractField.decimal(new BigDecimal(text));
        }
        long cents = digitsValue(wholeFrom, point) * 100;
        if (decimals > 0) {
            cents += (in[point + 1] - '0') * 10;
        }
        if (decimals > 1) {
            cents += in[point + 2] - '0';
        }
        return DecimalData.fromUnscaledLong(negative ? -cents : cents, ContractField.DECIMAL_PRECISION,
                ContractField.DECIMAL_SCALE);
    }

    /**
     * Moves past a JSON number without exponent: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?}. Returns whether it is a whole
     * number; when there is none, or it goes on with an exponent, returns false with nothing read (the caller then
     * finds the record not plain).
     */
    private boolean number() {
        int start = at;
        take('-');
        if (take('0')) {
            if (digit()) {
                at = start;
                return false;
            }
        } else if (!digits()) {
            at = start;
            return false;
        }
        boolean whole = true;
        if (take('.')) {
            whole = false;
            if (!digits()) {
                at = start;
                return false;
            }
        }
        if (at < in.length && (in[at] == 'e' || in[at] == 'E')) {
            at = start;
            return false;
        }
        return whole;
    }

    private boolean digits() {
        int start = at;
        while (digit()) {
            at++;
        }
        return at > start;
    }

    private boolean digit() {
        return at < in.length && in[at] >= '0' && in[at] <= '9';
    }

    /** Moves past a string with neither escapes nor bytes outside printable ASCII, quotes included. */
    private boolean string() {
        if (!take('"')) {
            return false;
        }
        while (at < in.length) {
            byte b = in[at++];
            if (b == '"') {
                return true;
            }
            if (b == '\\' || b < 0x20 || b == 0x7f) {
                return false;
            }
        }
        return false;
    }

    private boolean literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!take(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean take(char expected) {
        if (at < in.length && in[at] == expected) {
            at++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (at < in.length && (in[at] == ' ' || in[at] == '\n' || in[at] == '\r' || in[at] == '\t')) {
            at++;
        }
    }
}
