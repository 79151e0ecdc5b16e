package io.shopstream.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates shopping sessions that walk the funnel (page views, product views, add to cart, purchase) as events of
 * the input contract, JSON lines in the order they arrive: by event time, each event delayed by a random part of
 * {@code maxOutOfOrder}, so no event arrives more than that behind one that arrived before it.
 */
public final class EventGenerator {

    /** Offsets the timestamps are written with: the instants are what count. */
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30),
        ZoneOffset.ofHours(-8), ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHours(1)};
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final String[] PAGES = {"/", "/deals", "/new", "/search", "/category", "/help"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GeneratorSettings settings;

    public EventGenerator(GeneratorSettings settings) {
        this.settings = settings;
    }

    /** The events as JSON lines, in arrival order. */
    public List<String> generate() {
        Random random = new Random(settings.seed());
        List<Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < settings.shoppers(); i++) {
            shoppers.add(Shopper.random(random));
        }
        List<Timed> events = new ArrayList<>();
        long spreadMillis = Math.max(1, settings.spread().toMillis());
        for (int i = 0; i < settings.sessions(); i++) {
            Shopper shopper = shoppers.get(random.nextInt(shoppers.size()));
            long start = settings.start().toEpochMilli() + (long) (random.nextDouble() * spreadMillis);
            walkSession(shopper, start, random, events);
        }
        long skew = settings.maxOutOfOrder().toMillis();
        for (Timed event : events) {
            event.arrival = event.time + (skew == 0 ? 0 : (long) (random.nextDouble() * skew));
        }
        events.sort(Comparator.comparingLong((Timed event) -> event.arrival).thenComparingLong(event -> event.sequence));
        return events.stream().map(event -> toJson(event.fields)).toList();
    }

    private void walkSession(Shopper shopper, long start, Random random, List<Timed> events) {
        String sessionId = Shopper.uuid(random);
        long time = start;
        int pageViews = 1 + random.nextInt(3);
        for (int i = 0; i < pageViews; i++) {
            Map<String, Object> event = common("page_view", time, shopper, sessionId, random);
            event.put("page_url", "https://shop.example" + PAGES[random.nextInt(PAGES.length)]);
            event.put("referrer_url", i == 0 ? "https://search.example/" : "https://shop.example/");
            event.put("time_spent", Math.round((1 + random.nextDouble() * 60) * 100) / 100.0);
            events.add(new Timed(time, events.size(), event));
            time += thinkTime(random);
        }
        Set<Product> cart = new LinkedHashSet<>();
        Map<Product, Integer> quantities = new LinkedHashMap<>();
        int productViews = random.nextInt(5);
        for (int i = 0; i < productViews; i++) {
            Product product = settings.catalogue().pick(random);
            events.add(new Timed(time, events.size(), productEvent("product_view", time, shopper, sessionId, product,
                    random)));
            time += thinkTime(random);
            if (random.nextDouble() < settings.addToCartRate()) {
                int quantity = 1 + random.nextInt(3);
                Map<String, Object> event = productEvent("add_to_cart", time, shopper, sessionId, product, random);
                event.put("quantity", quantity);
                events.add(new Timed(time, events.size(), event));
                cart.add(product);
                quantities.merge(product, quantity, Integer::sum);
                time += thinkTime(random);
            }
        }
        if (!cart.isEmpty() && random.nextDouble() < settings.purchaseRate()) {
            String orderId = "o-" + Shopper.uuid(random);
            for (Product product : cart) {
                int quantity = quantities.get(product);
                Map<String, Object> event = productEvent("purchase", time, shopper, sessionId, product, random);
                event.put("quantity", quantity);
                event.put("total_amount", product.price().multiply(BigDecimal.valueOf(quantity)));
                event.put("order_id", orderId);
                events.add(new Timed(time, events.size(), event));
                time += 200 + random.nextInt(800);
            }
        }
    }

    private Map<String, Object> productEvent(String type, long time, Shopper shopper, String sessionId,
            Product product, Random random) {
        Map<String, Object> event = common(type, time, shopper, sessionId, random);
        event.put("product_id", product.id());
        event.put("product_name", product.name());
        event.put("product_category", product.category());
        event.put("price", product.price());
        return event;
    }

    private static Map<String, Object> common(String type, long time, Shopper shopper, String sessionId,
            Random random) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", Shopper.uuid(random));
        event.put("event_type", type);
        event.put("event_timestamp", TIMESTAMP.format(
                Instant.ofEpochMilli(time).atOffset(OFFSETS[random.nextInt(OFFSETS.length)])));
        event.put("user_id", shopper.userId());
        event.put("session_id", sessionId);
        event.put("device_type", shopper.deviceType());
        event.put("os", shopper.os());
        event.put("browser", shopper.browser());
        event.put("location", shopper.location());
        return event;
    }

    /** A few seconds to half a minute between a shopper's actions. */
    private static long thinkTime(Random random) {
        return 2_000 + random.nextInt(28_000);
    }

    private static String toJson(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }

    /** An event with its event time and, once drawn, the time it arrives. */
    private static final class Timed {
        final long time;
        final long sequence;
        final Map<String, Object> fields;
        long arrival;

        Timed(long time, long sequence, Map<String, Object> fields) {
            this.time = time;
            this.sequence = sequence;
            this.fields = fields;
        }
    }
}
