package io.shopstream.pinot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinotBrokerTest {

    @Test
    void showsEachOfPinotsErrorsOnOneLineWithoutItsStackTrace() {
        String unknownColumn = """
                {
                  "message" : "UnknownColumnError:\\norg.apache.pinot.spi.exception.BadQueryRequestException: \
                Unknown columnName 'nosuch' found in the query\\n\\tat org.apache.pinot.broker.H.fix(H.java:1)",
                  "errorCode" : 710
                }""";
        String missingTable = "{\n  \"message\" : \"TableDoesNotExistError\",\n  \"errorCode\" : 190\n}";

        assertThat(PinotBroker.readable(unknownColumn + "\n" + missingTable)).isEqualTo(
                "UnknownColumnError: Unknown columnName 'nosuch' found in the query (Pinot error 710);"
                        + " TableDoesNotExistError (Pinot error 190)");
    }

    @Test
    void keepsAnErrorThatIsNotJsonAsItIs() {
        assertThat(PinotBroker.readable("Pinot returned HTTP status 500, expected 200"))
                .isEqualTo("Pinot returned HTTP status 500, expected 200");
    }
}
