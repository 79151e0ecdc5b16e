package io.shopstream.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadableTimestampsTest {

    @Test
    void windowBoundsBecomeUtcTextInPlace() {
        assertThat(ReadableTimestamps.render(
                "{\"window_start\":1795464000000,\"window_end\":1795464060000,\"active_users\":3}"))
                .isEqualTo("{\"window_start\":\"2026-11-23 20:00:00\",\"window_end\":\"2026-11-23 20:01:00\","
                        + "\"active_users\":3}");
    }

    @Test
    void everyOtherCharacterStaysAsWrittenDecimalsAndSpacingIncluded() {
        assertThat(ReadableTimestamps.render(
                "{ \"session_id\" : \"s1\", \"revenue\": 25.00, \"first_event_time\" : 1795464005000 ,"
                        + " \"converted\": true, \"note\": null }"))
                .isEqualTo("{ \"session_id\" : \"s1\", \"revenue\": 25.00, \"first_event_time\" : \"2026-11-23"
                        + " 20:00:05\" , \"converted\": true, \"note\": null }");
    }

    @Test
    void millisecondsShowOnlyWhenThereAreAny() {
        assertThat(ReadableTimestamps.render("{\"last_event_time\":1795464121007,\"first_event_time\":1795464121000}"))
                .isEqualTo("{\"last_event_time\":\"2026-11-23 20:02:01.007\","
                        + "\"first_event_time\":\"2026-11-23 20:02:01\"}");
    }

    @Test
    void fieldsAreFoundInNestedObjectsButNotInArrays() {
        assertThat(ReadableTimestamps.render(
                "{\"session\":{\"first_event_time\":1795464000000},\"checkpoints_end\":[1795464000000]}"))
                .isEqualTo("{\"session\":{\"first_event_time\":\"2026-11-23 20:00:00\"},"
                        + "\"checkpoints_end\":[1795464000000]}");
    }

    @Test
    void onlyIntegersOfTheYears2000To2100AreTimes() {
        assertThat(ReadableTimestamps.render("{\"a_start\":946684800000,\"b_start\":946684799999,"
                + "\"c_end\":4102444800000,\"d_end\":4102444799999,\"duration_time\":90000,\"e_time\":-1}"))
                .isEqualTo("{\"a_start\":\"2000-01-01 00:00:00\",\"b_start\":946684799999,"
                        + "\"c_end\":4102444800000,\"d_end\":\"2099-12-31 23:59:59.999\",\"duration_time\":90000,"
                        + "\"e_time\":-1}");
        String notIntegers = "{\"a_time\":1.795464E12,\"b_time\":\"1795464000000\",\"c_time\":179546400000000000000}";
        assertThat(ReadableTimestamps.render(notIntegers)).isEqualTo(notIntegers);
    }

    @Test
    void otherNamesKeepTheirNumbers() {
        String json = "{\"timestamp\":1795464000000,\"created_at\":1795464000000,\"start\":1795464000000,"
                + "\"window_starts\":1795464000000}";

        assertThat(ReadableTimestamps.render(json)).isEqualTo(json);
    }

    @Test
    void textBeforeATimeMayHoldEscapesAndCharactersBeyondTheBasicPlane() {
        assertThat(ReadableTimestamps.render("{\"title\":\"caf\u00e9 \\\"\ud83d\uded2\\\" \\u00e9\","
                + "\"window_start\":1795464000000}"))
                .isEqualTo("{\"title\":\"caf\u00e9 \\\"\ud83d\uded2\\\" \\u00e9\","
                        + "\"window_start\":\"2026-11-23 20:00:00\"}");
    }

    @Test
    void textThatIsNotJsonOrIsCutShortIsShownAsItIs() {
        assertThat(ReadableTimestamps.render("not json")).isEqualTo("not json");
        assertThat(ReadableTimestamps.render("{\"window_start\":1795464000000,"))
                .isEqualTo("{\"window_start\":1795464000000,");
        assertThat(ReadableTimestamps.render("")).isEmpty();
    }
}
