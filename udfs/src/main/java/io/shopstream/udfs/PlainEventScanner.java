package io.shopstream.udfs;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The fast path of {@link EventParser}: reads the form nearly every record has straight from its bytes, without a
 * general JSON parser. That form is one JSON object in ASCII whose fields are all the contract's, each at most once,
 * with strings without escapes, numbers without exponents, and nulls, each value of its field's kind.
 *
 * <p>It answers only when its reading is the one the full parser would make. Any other record (a field outside the
 * contract or named twice, an escape, a byte outside ASCII, a nested value, a value of the wrong kind, anything
 * malformed) it leaves to the full parser, which also says what is wrong with it. A record left over costs a second
 * pass, never a different result.
 */
final class PlainEventScanner {

    /** Digits of an integer that surely fits an INT, with its sign; longer ones are left to the full parser. */
    private static final int INT_DIGITS = 9;

    private final byte[] in;
    private int at;

    private PlainEventScanner(byte[] in) {
        this.in = in;
    }

    /**
     * Reads {@code payload} into {@code values}, indexed by {@link ContractField#ordinal()}: a field absent or null
     * stays null. Returns false, with {@code values} partly written, when the record is not of the plain form.
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
            values[field.ordinal()] = new String(in, start + 1, at - start - 2, StandardCharsets.ISO_8859_1);
            return true;
        }
        if (field.kind() == ContractField.Kind.TEXT) {
            return false;
        }
        boolean whole = number();
        if (!whole && at == start) {
            return false;
        }
        String text = new String(in, start, at - start, StandardCharsets.ISO_8859_1);
        switch (field.kind()) {
            case INT:
                if (!whole || text.length() > INT_DIGITS) {
                    return false;
                }
                values[field.ordinal()] = Integer.valueOf(text);
                return true;
            case DECIMAL:
                // A number that does not fit is the full parser's to refuse.
                BigDecimal decimal = ContractField.decimal(new BigDecimal(text));
                values[field.ordinal()] = decimal;
                return decimal != null;
            case DOUBLE:
                if (text.equals("-0")) {
                    return false;
                }
                values[field.ordinal()] = Double.valueOf(text);
                return true;
            default:
                return false;
        }
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
