package io.shopstream.pinot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The version a controller runs, from what {@code GET /version} answers. */
class PinotControllerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theVersionIsTheControllerJarsOrElseTheDistributions() throws Exception {
        // Pinot from Maven's jars, as the local stack runs it: one entry per jar.
        assertThat(PinotController.versionOf(JSON.readTree("{\"pinot-spi\": \"0.11.0-1b4d6b6\","
                + " \"pinot-controller\": \"0.11.0-1b4d6b6\", \"pinot-kafka-2.0\": \"0.11.0-1b4d6b6\"}")))
                .contains("0.11.0-1b4d6b6");
        // The release tarball and the Docker image: the shaded distribution jar and the plugins.
        assertThat(PinotController.versionOf(JSON.readTree("{\"pinot-kafka-2.0\": \"1.2.0-cc33ac5\","
                + " \"pinot-distribution\": \"1.2.0-cc33ac5\"}"))).contains("1.2.0-cc33ac5");
        assertThat(PinotController.versionOf(JSON.readTree("{}"))).isEmpty();
    }
}
