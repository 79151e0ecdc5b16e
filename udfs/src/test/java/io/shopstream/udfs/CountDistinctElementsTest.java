package io.shopstream.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CountDistinctElementsTest {

    private final CountDistinctElements function = new CountDistinctElements();

    @Test
    void countsValuesDistinctAcrossArraysSkippingNulls() {
        CountDistinctElements.Seen seen = function.createAccumulator();
        function.accumulate(seen, new String[] {"p1", "p2"});
        function.accumulate(seen, null);
        function.accumulate(seen, new String[] {"p2", null, "p3"});
        function.accumulate(seen, new String[] {});

        assertThat(function.getValue(seen)).isEqualTo(3L);
    }

    @Test
    void isZeroForNoValues() {
        assertThat(function.getValue(function.createAccumulator())).isZero();
    }

    @Test
    void agreesWithASetOverRandomPartialResults() {
        Random random = new Random(7);
        CountDistinctElements.Seen seen = function.createAccumulator();
        Set<String> expected = new HashSet<>();
        for (int window = 0; window < 500; window++) {
            String[] values = new String[random.nextInt(4)];
            for (int i = 0; i < values.length; i++) {
                values[i] = "p" + random.nextInt(200);
                expected.add(values[i]);
            }
            function.accumulate(seen, values);
            assertThat(function.getValue(seen)).isEqualTo(expected.size());
        }
    }
}
