package io.shopstream.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Random;
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

    /** Whatever the hand-read common form accepts, java.time's parser reads as the same instant. */
    @Test
    void theCommonFormReadByHandIsWhatJavaTimeReads() {
        Random random = new Random(20261123);
        String[] offsets = {"Z", "+00:00", "-00:00", "+05:30", "+05:45", "-08:00", "+14:00", "-12:00", "+17:59",
            "+18:00", "-18:00", "+19:00", "+05:60", "+0530", "z"};
        String[] fractions = {"", ".1", ".12", ".123", ".123456", ".123456789", ".1234567891", ".", ".12a"};
        int readByHand = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(2200),
                    1 + random.nextInt(13), 1 + random.nextInt(31), random.nextInt(25), random.nextInt(61),
                    random.nextInt(61), fractions[random.nextInt(fractions.length)],
                    offsets[random.nextInt(offsets.length)]);
            Instant expected;
            try {
                expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                expected = null;
            }
            Instant byHand = ParseEventTime.parseCommonForm(text);
            if (byHand != null) {
                readByHand++;
                assertThat(byHand).as(text).isEqualTo(expected);
            }
            assertThat(ParseEventTime.parse(text)).as(text).isEqualTo(expected);
        }
        assertThat(readByHand).as("timestamps the common form read").isGreaterThan(5_000);
    }
}
