package io.shopstream.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The input contract (DESIGN.md section 3): the fields every event has, and those its type adds. */
public final class EventContract {

    public static final List<String> SHARED_FIELDS = List.of("event_id", "event_type", "event_timestamp", "user_id",
            "session_id", "device_type", "os", "browser", "location");

    private static final List<String> PRODUCT_FIELDS = List.of("product_id", "product_name", "product_category",
            "price");
    private static final Map<String, List<String>> OWN_FIELDS = Map.of(
            "page_view", List.of("page_url", "referrer_url", "time_spent"),
            "product_view", PRODUCT_FIELDS,
            "add_to_cart", concat(PRODUCT_FIELDS, List.of("quantity")),
            "purchase", concat(PRODUCT_FIELDS, List.of("quantity", "total_amount", "order_id")));

    private EventContract() {}

    /** Every field of an event of {@code eventType}, shared ones first. */
    public static List<String> fieldsOf(String eventType) {
        List<String> own = OWN_FIELDS.get(eventType);
        if (own == null) {
            throw new IllegalArgumentException("unknown event_type '" + eventType + "'");
        }
        return concat(SHARED_FIELDS, own);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
