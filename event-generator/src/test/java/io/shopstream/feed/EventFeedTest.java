package io.shopstream.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.events.Delivery;
import io.shopstream.events.EventSink;
import io.shopstream.events.EventType;
import io.shopstream.events.OutgoingEvent;
import io.shopstream.generator.EventGenerator;
import io.shopstream.generator.GeneratorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventFeedTest {

    @Test
    void everyEventReachesTheSinkInOrderAndIsCountedByTypeAndDelivery() {
        GeneratorSettings settings = GeneratorSettings.defaults(4).withMalformedFraction(0.05);
        List<OutgoingEvent> expected = new ArrayList<>();
        EventGenerator.ofCount(settings, 3_000).forEachRemaining(expected::add);
        CollectingSink sink = new CollectingSink();
        List<String> progress = new ArrayList<>();

        FeedStats stats = EventFeed.unthrottled(EventGenerator.ofCount(settings, 3_000), sink)
                .run(progress::add, Duration.ofDays(1));

        assertThat(sink.events).isEqualTo(expected);
        assertThat(sink.flushed).isTrue();
        assertThat(stats.events()).isEqualTo(3_000);
        for (EventType type : EventType.values()) {
            assertThat(stats.events(type)).isEqualTo(expected.stream().filter(e -> e.topic() == type).count());
        }
        assertThat(stats.events(Delivery.MALFORMED))
                .isEqualTo(expected.stream().filter(e -> e.delivery() == Delivery.MALFORMED).count())
                .isPositive();
        assertThat(stats.line()).startsWith("3,000 events in ").contains("malformed");
    }

    @Test
    void aStoppedFeedReturnsAfterTheEventItIsWritingAndFlushes() {
        CollectingSink sink = new CollectingSink();
        EventFeed[] feed = new EventFeed[1];
        sink.onWrite = count -> {
            if (count == 100) {
                feed[0].stop();
            }
        };
        feed[0] = EventFeed.unthrottled(EventGenerator.endless(GeneratorSettings.defaults(1)), sink);

        FeedStats stats = feed[0].run(line -> { }, Duration.ofDays(1));

        assertThat(sink.events).hasSize(100);
        assertThat(stats.events()).isEqualTo(100);
        assertThat(sink.flushed).isTrue();
    }

    private static final class CollectingSink implements EventSink {
        final List<OutgoingEvent> events = new ArrayList<>();
        java.util.function.IntConsumer onWrite = count -> { };
        boolean flushed;

        @Override
        public void write(OutgoingEvent event) {
            events.add(event);
            onWrite.accept(events.size());
        }

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {}
    }
}
