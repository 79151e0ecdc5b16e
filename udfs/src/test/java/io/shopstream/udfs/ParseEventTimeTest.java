package io.shopstream.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParseEventTimeTest {

    private final ParseEventTime function = new ParseEventTime();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2026-11-23T10:15:30Z,           2026-11-23T10:15:30Z",
        "2026-11-23T10:15:30.123Z,       2026-11-23T10:15:30.123Z",
        "2026-11-23T15:45:30.123+05:30,  2026-11-23T10:15:30.123Z",
        "2026-11-23T16:00:30+05:45,      2026-11-23T10:15:30Z",
        "2026-11-23T02:15:30-08:00,      2026-11-23T10:15:30Z",
        "2026-11-22T23:15:30.5-11:00,    2026-11-23T10:15:30.500Z",
        "2026-11-23T10:15:30.123456+00:00, 2026-11-23T10:15:30.123456Z",
    })
    void readsEveryOffsetAsTheSameInstant(String text, String expectedInstant) {
        assertThat(function.eval(text)).isEqualTo(Instant.parse(expectedInstant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-11-23T10:15:30", "2026-11-23 10:15:30Z", "2026-13-01T00:00:00Z"})
    void returnsNullForWhatIsNotAnInstant(String text) {
        assertThat(function.eval(text)).isNull();
    }

    @Test
    void returnsNullForNull() {
        assertThat(function.eval(null)).isNull();
    }
}
