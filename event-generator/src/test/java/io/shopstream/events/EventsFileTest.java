package io.shopstream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsFileTest {

    private static final String PURCHASE = "{\"event_type\":\"purchase\",\"session_id\":\"s1\",\"order_id\":\"o1\"}";
    private static final String VIEW = "{\"event_type\":\"product_view\",\"session_id\":\"s2\"}";
    private static final String UNKNOWN_TYPE = "{\"event_type\":\"wishlist_add\",\"session_id\":\"s3\"}";
    private static final String NO_SESSION = "{\"event_type\":\"add_to_cart\"}";
    private static final String NOT_JSON = "{\"event_type\":\"page_vi";

    @TempDir
    Path directory;

    @Test
    void aReplayRoutesEveryNonBlankLineAsItIsMalformedOnesIncluded() throws Exception {
        Path file = write(PURCHASE, "", VIEW, UNKNOWN_TYPE, "   ", NO_SESSION, NOT_JSON, "[1,2]");

        List<OutgoingEvent> events = new ArrayList<>();
        EventsFile.replay(file, 0).forEachRemaining(events::add);

        assertThat(events).extracting(OutgoingEvent::json)
                .containsExactly(PURCHASE, VIEW, UNKNOWN_TYPE, NO_SESSION, NOT_JSON, "[1,2]");
        assertThat(events).extracting(OutgoingEvent::topic).containsExactly(EventType.PURCHASE,
                EventType.PRODUCT_VIEW, EventRouting.UNROUTABLE, EventType.ADD_TO_CART, EventRouting.UNROUTABLE,
                EventRouting.UNROUTABLE);
        assertThat(events).extracting(OutgoingEvent::key).containsExactly("s1", "s2", "s3", null, null, null);
        assertThat(events).extracting(OutgoingEvent::dueMillis).containsOnly(0L);
    }

    @Test
    void aThrottledReplayIsDueAtTheRate() throws Exception {
        List<Long> due = new ArrayList<>();
        EventsFile.replay(write(VIEW, VIEW, VIEW, VIEW), 200).forEachRemaining(event -> due.add(event.dueMillis()));

        assertThat(due).containsExactly(0L, 5L, 10L, 15L);
    }

    @Test
    void readingForATrialRejectsMalformedLinesWithTheirNumbers() throws Exception {
        Path file = write(PURCHASE, NOT_JSON, "", UNKNOWN_TYPE);

        assertThatThrownBy(() -> EventsFile.read(file))
                .isInstanceOf(EventsFileException.class)
                .hasMessageContaining("2 lines of " + file + " cannot be used")
                .hasMessageContaining(file + ":2: not JSON")
                .hasMessageContaining(file + ":4: unknown event_type 'wishlist_add'");
    }

    @Test
    void aDirectoryOrAMissingFileIsSaidSo() {
        assertThatThrownBy(() -> EventsFile.replay(directory, 0)).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> EventsFile.replay(directory.resolve("nope.jsonl"), 0))
                .hasMessageContaining("nope.jsonl does not exist");
    }

    private Path write(String... lines) throws Exception {
        return Files.write(directory.resolve("events.jsonl"), List.of(lines));
    }
}
