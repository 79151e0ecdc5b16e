package io.shopstream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsDurationsAsPeopleWriteThem() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(converter.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("3h")).isEqualTo(Duration.ofHours(3));
        assertThat(converter.convert("PT90S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void anythingElseIsAClearError() {
        assertThatThrownBy(() -> converter.convert("ten seconds"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'ten seconds' is not a duration: write e.g. 500ms, 10s, 5m or 2h");
    }
}
