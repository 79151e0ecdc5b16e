package io.shopstream.generator;

import java.time.LocalDateTime;
import java.util.IdentityHashMap;
import java.util.Map;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Writes a session's step as one JSON line of the input contract, fields in the contract's order. Written by hand
 * rather than through a JSON library: the generator must write hundreds of thousands of events a second, and every
 * value is either a number or a string escaped here.
 */
final class EventEncoder {

    private final StringBuilder json = new StringBuilder(512);
    // The parts of an event that repeat, written once: a product's fields, a shopper's, a second of a timestamp.
    private final Map<Product, String> productFields = new IdentityHashMap<>();
    private final Map<ZoneOffset, CachedSecond> seconds = new IdentityHashMap<>();

    String encode(Session session, Session.Step step, long eventTime, SplittableRandom random) {
        Shopper shopper = session.shopper;
        json.setLength(0);
        json.append('{');
        text("event_id", Shopper.uuid(random)).append(',');
        text("event_type", step.kind().wireName()).append(',');
        name("event_timestamp").append('"');
        appendCachedTimestamp(eventTime, shopper.offset());
        json.append("\",");
        text("user_id", shopper.userId()).append(',');
        text("session_id", session.id).append(',');
        if (session.shopperJson == null) {
            session.shopperJson = shopperFields(shopper);
        }
        json.append(session.shopperJson);
        switch (step.kind()) {
            case PAGE_VIEW -> {
                json.append(',');
                text("page_url", step.pageUrl()).append(',');
                text("referrer_url", step.referrerUrl()).append(',');
                name("time_spent").append(step.timeSpent());
            }
            case PRODUCT_VIEW -> productFields(step);
            case ADD_TO_CART -> {
                productFields(step);
                json.append(',');
                name("quantity").append(step.quantity());
            }
            case PURCHASE -> {
                productFields(step);
                json.append(',');
                name("quantity").append(step.quantity()).append(',');
                name("total_amount").append(step.product().price()
                        .multiply(java.math.BigDecimal.valueOf(step.quantity())).toPlainString()).append(',');
                text("order_id", step.orderId());
            }
        }
        return json.append('}').toString();
    }

    private void productFields(Session.Step step) {
        json.append(productFields.computeIfAbsent(step.product(), EventEncoder::productFields));
    }

    private static String productFields(Product product) {
        EventEncoder fields = new EventEncoder();
        fields.json.append(',');
        fields.text("product_id", product.id()).append(',');
        fields.text("product_name", product.name()).append(',');
        fields.text("product_category", product.category()).append(',');
        fields.name("price").append(product.price().toPlainString());
        return fields.json.toString();
    }

    private static String shopperFields(Shopper shopper) {
        EventEncoder fields = new EventEncoder();
        fields.text("device_type", shopper.deviceType()).append(',');
        fields.text("os", shopper.os()).append(',');
        fields.text("browser", shopper.browser()).append(',');
        fields.text("location", shopper.location());
        return fields.json.toString();
    }

    /** As {@link #appendTimestamp}, reusing the text up to the second: events come many to a second. */
    private void appendCachedTimestamp(long epochMillis, ZoneOffset offset) {
        long second = Math.floorDiv(epochMillis, 1000);
        CachedSecond cached = seconds.get(offset);
        if (cached == null || cached.second != second) {
            StringBuilder text = new StringBuilder(32);
            appendTimestamp(text, second * 1000, offset);
            cached = new CachedSecond(second, text.substring(0, 20), offset.getId());
            seconds.put(offset, cached);
        }
        int millis = (int) Math.floorMod(epochMillis, 1000);
        json.append(cached.upToSecond)
                .append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10))
                .append(cached.offset);
    }

    private record CachedSecond(long second, String upToSecond, String offset) {}

    private StringBuilder name(String field) {
        return json.append('"').append(field).append("\":");
    }

    private StringBuilder text(String field, String value) {
        name(field).append('"');
        if (!needsEscaping(value)) {
            return json.append(value).append('"');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** ISO-8601 with milliseconds and the offset, e.g. {@code 2026-11-23T14:35:07.250+05:30} or {@code ...Z}. */
    static void appendTimestamp(StringBuilder out, long epochMillis, ZoneOffset offset) {
        LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000),
                (int) Math.floorMod(epochMillis, 1000) * 1_000_000, offset);
        out.append(local.getYear()).append('-');
        twoDigits(out, local.getMonthValue()).append('-');
        twoDigits(out, local.getDayOfMonth()).append('T');
        twoDigits(out, local.getHour()).append(':');
        twoDigits(out, local.getMinute()).append(':');
        twoDigits(out, local.getSecond()).append('.');
        int millis = local.getNano() / 1_000_000;
        out.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10));
        out.append(offset.getId());
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
