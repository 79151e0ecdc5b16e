package io.shopstream.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.events.Delivery;
import io.shopstream.events.OutgoingEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeneratorSettings IN_ORDER =
            GeneratorSettings.defaults(5).withDisorder(0, Duration.ZERO, 0, Duration.ofSeconds(5));

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        GeneratorSettings messy = GeneratorSettings.defaults(7).withMalformedFraction(0.05)
                .withDisorder(0.1, Duration.ofSeconds(3), 0.02, Duration.ofSeconds(5));
        List<OutgoingEvent> first = generate(messy, 5_000);

        assertThat(generate(messy, 5_000)).isEqualTo(first);
        assertThat(generate(GeneratorSettings.defaults(8).withMalformedFraction(0.05)
                .withDisorder(0.1, Duration.ofSeconds(3), 0.02, Duration.ofSeconds(5)), 5_000)).isNotEqualTo(first);
    }

    @Test
    void everyValidEventFollowsTheContractAndGoesToItsTypesTopicKeyedBySession() throws Exception {
        Set<String> offsets = new HashSet<>();
        for (OutgoingEvent event : generate(GeneratorSettings.defaults(1), 5_000)) {
            assertThat(ContractCheck.problem(event.json())).as(event.json()).isEmpty();
            JsonNode fields = JSON.readTree(event.json());
            assertThat(event.topic().wireName()).isEqualTo(fields.get("event_type").asText());
            assertThat(event.key()).isEqualTo(fields.get("session_id").asText());
            String timestamp = fields.get("event_timestamp").asText();
            offsets.add(timestamp.substring(23));
        }
        assertThat(offsets).as("a mix of zone offsets").contains("Z", "+05:30", "-08:00", "+05:45", "+09:00");
    }

    @Test
    void eventTimeAdvancesAtTheRequestedRate() throws Exception {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        List<OutgoingEvent> events = generate(IN_ORDER.withStart(start).withTraffic(250, 2_500, 10_000), 25_000);

        Instant last = timeOf(events.get(events.size() - 1).json());
        assertThat(timeOf(events.get(0).json())).isEqualTo(start);
        assertThat(Duration.between(start, last).toMillis()).isBetween(99_000L, 100_000L);
    }

    @Test
    void sessionsWalkTheFunnelInOrder() throws Exception {
        Map<String, Session> sessions = new LinkedHashMap<>();
        for (OutgoingEvent event : generate(IN_ORDER, 20_000)) {
            JsonNode fields = JSON.readTree(event.json());
            sessions.computeIfAbsent(fields.get("session_id").asText(), id -> new Session()).add(fields);
        }
        Set<String> orders = new HashSet<>();
        int converted = 0;
        for (Session session : sessions.values()) {
            JsonNode first = session.events.get(0);
            assertThat(first.get("event_type").asText()).as("a session starts with a page view")
                    .isEqualTo("page_view");
            Map<String, Integer> viewed = new HashMap<>();
            Map<String, Integer> carted = new HashMap<>();
            Set<String> sessionOrders = new HashSet<>();
            Instant previous = Instant.MIN;
            for (JsonNode event : session.events) {
                for (String shared : List.of("user_id", "device_type", "os", "browser", "location")) {
                    assertThat(event.get(shared)).as("one shopper per session").isEqualTo(first.get(shared));
                }
                Instant time = OffsetDateTime.parse(event.get("event_timestamp").asText()).toInstant();
                assertThat(time).as("a session's events in event-time order").isAfterOrEqualTo(previous);
                previous = time;
                String product = event.path("product_id").asText();
                switch (event.get("event_type").asText()) {
                    case "product_view" -> viewed.merge(product, 1, Integer::sum);
                    case "add_to_cart" -> {
                        assertThat(viewed).as("carted after viewing").containsKey(product);
                        carted.merge(product, event.get("quantity").asInt(), Integer::sum);
                    }
                    case "purchase" -> {
                        assertThat(event.get("quantity").asInt()).as("buys what is in the cart")
                                .isEqualTo(carted.get(product));
                        assertThat(event.get("total_amount").decimalValue()).isEqualByComparingTo(
                                event.get("price").decimalValue().multiply(BigDecimal.valueOf(
                                        event.get("quantity").asInt())));
                        sessionOrders.add(event.get("order_id").asText());
                    }
                    default -> assertThat(viewed).as("page views come first").isEmpty();
                }
            }
            assertThat(sessionOrders).as("one order per session").hasSizeLessThanOrEqualTo(1);
            if (!sessionOrders.isEmpty()) {
                converted++;
                assertThat(orders.add(sessionOrders.iterator().next())).as("order ids are unique").isTrue();
            }
        }
        assertThat(converted).isPositive();
    }

    @Test
    void conversionRatesAreTheRequestedOnes() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        Set<String> cartingSessions = new HashSet<>();
        Set<String> buyingSessions = new HashSet<>();
        GeneratorSettings settings = IN_ORDER.withConversion(0.4, 0.25);
        for (OutgoingEvent event : generate(settings, 200_000)) {
            JsonNode fields = JSON.readTree(event.json());
            String type = fields.get("event_type").asText();
            counts.merge(type, 1, Integer::sum);
            if (type.equals("add_to_cart")) {
                cartingSessions.add(event.key());
            } else if (type.equals("purchase")) {
                buyingSessions.add(event.key());
            }
        }
        // Sessions still open at the end have carts and no purchase yet: a small bias, well inside the margin.
        assertThat((double) counts.get("add_to_cart") / counts.get("product_view")).isCloseTo(0.4, within(0.01));
        assertThat((double) buyingSessions.size() / cartingSessions.size()).isCloseTo(0.25, within(0.02));
    }

    @Test
    void malformedRecordsAreTheRequestedShareAndOnlyThemBreakTheContract() {
        List<OutgoingEvent> events = generate(GeneratorSettings.defaults(11).withMalformedFraction(0.05), 40_000);

        Map<String, Integer> problems = new HashMap<>();
        long malformed = 0;
        for (OutgoingEvent event : events) {
            String problem = ContractCheck.problem(event.json());
            if (event.delivery() == Delivery.MALFORMED) {
                malformed++;
                assertThat(problem).as("malformed: " + event.json()).isNotEmpty();
                problems.merge(problem.replaceAll(" .*", ""), 1, Integer::sum);
            } else {
                assertThat(problem).as(event.json()).isEmpty();
            }
        }
        assertThat(events).hasSize(40_000);
        assertThat(malformed / 40_000.0).isCloseTo(0.05, within(0.005));
        assertThat(problems.keySet()).as("every kind of malformation")
                .contains("not", "unknown", "fields", "event_timestamp");
    }

    @Test
    void malformedRecordsLeaveTheValidEventsAsTheyWere() {
        List<String> clean = generate(GeneratorSettings.defaults(3), 10_000).stream().map(OutgoingEvent::json).toList();
        List<String> valid = generate(GeneratorSettings.defaults(3).withMalformedFraction(0.2), 10_000).stream()
                .filter(event -> event.delivery() != Delivery.MALFORMED)
                .map(OutgoingEvent::json)
                .toList();

        assertThat(valid.size()).isBetween(7_600, 8_400);
        // Out-of-order events of the clean run's last seconds come out in its end flush: compare before those.
        assertThat(valid.subList(0, 7_500)).isEqualTo(clean.subList(0, 7_500));
    }

    @Test
    void lateAndOutOfOrderEventsLagAsRequested() throws Exception {
        Duration watermarkDelay = Duration.ofSeconds(5);
        GeneratorSettings settings = GeneratorSettings.defaults(13).withTraffic(50, 500, 2_000)
                .withDisorder(0.1, Duration.ofSeconds(3), 0.04, watermarkDelay);
        List<OutgoingEvent> events = generate(settings, 60_000);

        Map<Delivery, Integer> deliveries = new EnumMap<>(Delivery.class);
        int behindTheWatermark = 0;
        Instant newest = Instant.MIN;
        List<Long> lags = new ArrayList<>();
        for (OutgoingEvent event : events.subList(0, 58_000)) {
            Instant time = timeOf(event.json());
            long lag = newest.equals(Instant.MIN) ? 0 : Math.max(0, Duration.between(time, newest).toMillis());
            newest = time.isAfter(newest) ? time : newest;
            deliveries.merge(event.delivery(), 1, Integer::sum);
            switch (event.delivery()) {
                case ON_TIME -> assertThat(lag).isZero();
                case OUT_OF_ORDER -> assertThat(lag).isBetween(0L, 3_000L);
                case LATE -> assertThat(lag).isGreaterThan(watermarkDelay.toMillis() + 1_000);
                default -> throw new AssertionError(event);
            }
            if (lag > watermarkDelay.toMillis()) {
                behindTheWatermark++;
            }
            lags.add(lag);
        }
        assertThat(behindTheWatermark / 58_000.0).as("late share, measured").isCloseTo(0.04, within(0.005));
        assertThat(deliveries.get(Delivery.OUT_OF_ORDER) / 58_000.0).isCloseTo(0.1, within(0.01));
        assertThat(lags.stream().filter(lag -> lag > 0 && lag <= 3_000).count()).isPositive();
    }

    @Test
    void outOfOrderLagsBeyondTheWatermarkDelayAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GeneratorSettings.defaults(1)
                        .withDisorder(0.1, Duration.ofSeconds(8), 0, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("late fraction");
    }

    private static List<OutgoingEvent> generate(GeneratorSettings settings, int count) {
        List<OutgoingEvent> events = new ArrayList<>(count);
        EventGenerator.ofCount(settings, count).forEachRemaining(events::add);
        return events;
    }

    private static Instant timeOf(String json) throws Exception {
        return OffsetDateTime.parse(JSON.readTree(json).get("event_timestamp").asText()).toInstant();
    }

    private static final class Session {
        final List<JsonNode> events = new ArrayList<>();

        void add(JsonNode event) {
            events.add(event);
        }
    }
}
