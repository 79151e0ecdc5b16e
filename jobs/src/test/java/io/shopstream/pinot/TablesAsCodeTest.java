package io.shopstream.pinot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TablesAsCodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void whatTheFileStatesMustBeThereDefaultsTheControllerAddsDoNotCount() throws Exception {
        JsonNode wanted = JSON.readTree("{\"a\":{\"b\":\"1\",\"c\":[{\"d\":2}]},\"e\":\"x\"}");

        assertThat(TablesAsCode.firstDifference(wanted,
                JSON.readTree("{\"a\":{\"b\":1,\"c\":[{\"d\":2,\"z\":0}],\"y\":3},\"e\":\"x\",\"f\":true}"), ""))
                .isEmpty();
        assertThat(TablesAsCode.firstDifference(wanted, JSON.readTree("{\"a\":{\"b\":\"2\",\"c\":[{\"d\":2}]}}"), ""))
                .contains("a.b: \"2\" -> \"1\"");
        assertThat(TablesAsCode.firstDifference(wanted, JSON.readTree("{\"a\":{\"b\":\"1\",\"c\":[]},\"e\":\"x\"}"),
                "")).contains("a.c: [] -> [{\"d\":2}]");
        assertThat(TablesAsCode.firstDifference(wanted, JSON.readTree("{\"a\":{\"b\":\"1\",\"c\":[{\"d\":2}]}}"), ""))
                .contains("e: (none) -> \"x\"");
    }
}
