package io.shopstream.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctValuesTest {

    private final DistinctValues function = new DistinctValues();

    @Test
    void keepsEachValueOnceSortedAndSkipsNulls() {
        DistinctValues.Values accumulator = function.createAccumulator();
        for (String value : new String[] {"p3", "p1", null, "p3", "p2", "p1"}) {
            function.accumulate(accumulator, value);
        }

        assertThat(function.getValue(accumulator)).containsExactly("p1", "p2", "p3");
    }

    @Test
    void isEmptyNotNullWithoutValues() {
        DistinctValues.Values accumulator = function.createAccumulator();
        function.accumulate(accumulator, null);

        assertThat(function.getValue(accumulator)).isEmpty();
    }

    @Test
    void mergesPartialResultsAsOneSet() {
        DistinctValues.Values left = function.createAccumulator();
        function.accumulate(left, "b");
        function.accumulate(left, "d");
        DistinctValues.Values right = function.createAccumulator();
        function.accumulate(right, "a");
        function.accumulate(right, "d");
        DistinctValues.Values empty = function.createAccumulator();

        function.merge(left, List.of(right, empty));

        assertThat(function.getValue(left)).containsExactly("a", "b", "d");
    }
}
