package io.shopstream.generator;

import io.shopstream.events.EventType;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One shopping session, planned when it starts: one to three page views, then up to five product views, each maybe
 * followed by adding that product to the cart, then maybe buying the whole cart in one order.
 */
final class Session {

    private static final String[] PAGES = {"/", "/deals", "/new", "/search", "/category", "/help", "/account"};
    private static final String[] REFERRERS = {"https://search.example/", "https://social.example/feed",
        "https://mail.example/newsletter", ""};

    final Shopper shopper;
    final String id;
    /** The shopper's fields as JSON, written by the encoder at the session's first event. */
    String shopperJson;
    private final ArrayDeque<Step> steps = new ArrayDeque<>();

    private Session(Shopper shopper, String id) {
        this.shopper = shopper;
        this.id = id;
    }

    static Session plan(Shopper shopper, GeneratorSettings settings, SplittableRandom random) {
        Session session = new Session(shopper, Shopper.uuid(random));
        int pageViews = 1 + random.nextInt(3);
        for (int i = 0; i < pageViews; i++) {
            String page = "https://shop.example" + PAGES[random.nextInt(PAGES.length)];
            String referrer = i == 0 ? REFERRERS[random.nextInt(REFERRERS.length)] : "https://shop.example/";
            session.steps.add(Step.pageView(page, referrer, Math.round((1 + random.nextDouble() * 90) * 100) / 100.0));
        }
        Map<Product, Integer> cart = new LinkedHashMap<>();
        int productViews = random.nextInt(6);
        for (int i = 0; i < productViews; i++) {
            Product product = settings.catalogue().pick(random);
            session.steps.add(Step.product(EventType.PRODUCT_VIEW, product, 0, null));
            if (random.nextDouble() < settings.addToCartRate()) {
                int quantity = 1 + random.nextInt(3);
                session.steps.add(Step.product(EventType.ADD_TO_CART, product, quantity, null));
                cart.merge(product, quantity, Integer::sum);
            }
        }
        if (!cart.isEmpty() && random.nextDouble() < settings.purchaseRate()) {
            String orderId = "o-" + Shopper.uuid(random);
            cart.forEach((product, quantity) ->
                    session.steps.add(Step.product(EventType.PURCHASE, product, quantity, orderId)));
        }
        return session;
    }

    boolean isOver() {
        return steps.isEmpty();
    }

    Step peek() {
        return steps.peek();
    }

    Step next() {
        return steps.poll();
    }

    /** What a session does next: the fields of one event, less those every event of the session shares. */
    record Step(EventType kind, String pageUrl, String referrerUrl, double timeSpent, Product product, int quantity,
            String orderId) {

        static Step pageView(String pageUrl, String referrerUrl, double timeSpent) {
            return new Step(EventType.PAGE_VIEW, pageUrl, referrerUrl, timeSpent, null, 0, null);
        }

        static Step product(EventType kind, Product product, int quantity, String orderId) {
            return new Step(kind, null, null, 0, product, quantity, orderId);
        }
    }
}
