package io.shopstream.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        List<String> first = new EventGenerator(GeneratorSettings.defaults(7)).generate();

        assertThat(new EventGenerator(GeneratorSettings.defaults(7)).generate()).isEqualTo(first);
        assertThat(new EventGenerator(GeneratorSettings.defaults(8)).generate()).isNotEqualTo(first);
    }

    @Test
    void everyEventHasExactlyTheFieldsOfItsType() throws Exception {
        for (String line : new EventGenerator(GeneratorSettings.defaults(1)).generate()) {
            JsonNode event = JSON.readTree(line);
            Set<String> expected = new HashSet<>(EventContract.fieldsOf(event.get("event_type").asText()));
            Set<String> actual = new HashSet<>();
            event.fieldNames().forEachRemaining(actual::add);
            assertThat(actual).as(line).isEqualTo(expected);
        }
    }

    @Test
    void noEventArrivesMoreThanTheMaximumBehindAnEarlierOne() throws Exception {
        Duration skew = Duration.ofSeconds(3);
        List<String> events = new EventGenerator(GeneratorSettings.defaults(3).withMaxOutOfOrder(skew)).generate();
        long newest = Long.MIN_VALUE;
        long latest = 0;
        for (String line : events) {
            long time = OffsetDateTime.parse(JSON.readTree(line).get("event_timestamp").asText()).toInstant()
                    .toEpochMilli();
            if (newest != Long.MIN_VALUE) {
                latest = Math.max(latest, newest - time);
            }
            newest = Math.max(newest, time);
        }
        assertThat(latest).as("events do arrive out of order").isPositive().isLessThan(skew.toMillis());
    }

    @Test
    void sessionsWalkTheFunnel() throws Exception {
        Map<String, Set<String>> carted = new HashMap<>();
        Map<String, Set<String>> viewed = new HashMap<>();
        Set<String> offsets = new HashSet<>();
        int purchases = 0;
        for (String line : new EventGenerator(GeneratorSettings.defaults(5).withMaxOutOfOrder(Duration.ZERO))
                .generate()) {
            JsonNode event = JSON.readTree(line);
            String session = event.get("session_id").asText();
            String timestamp = event.get("event_timestamp").asText();
            offsets.add(timestamp.substring(23));
            switch (event.get("event_type").asText()) {
                case "product_view" -> viewed.computeIfAbsent(session, s -> new HashSet<>())
                        .add(event.get("product_id").asText());
                case "add_to_cart" -> {
                    assertThat(viewed.getOrDefault(session, Set.of())).as("carted after viewing")
                            .contains(event.get("product_id").asText());
                    carted.computeIfAbsent(session, s -> new HashSet<>()).add(event.get("product_id").asText());
                }
                case "purchase" -> {
                    purchases++;
                    assertThat(carted.getOrDefault(session, Set.of())).as("bought after carting")
                            .contains(event.get("product_id").asText());
                    assertThat(event.get("total_amount").decimalValue()).isEqualByComparingTo(
                            event.get("price").decimalValue().multiply(BigDecimal.valueOf(event.get("quantity")
                                    .asInt())));
                }
                default -> { }
            }
        }
        assertThat(purchases).isPositive();
        assertThat(offsets).contains("Z", "+05:30", "-08:00", "+05:45");
    }
}
