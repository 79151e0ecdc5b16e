package io.shopstream.udfs;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.AggregateFunction;

/**
 * {@code DISTINCT_VALUES(x)}: the distinct non-null strings of a group, sorted, as {@code ARRAY<STRING>}; an empty
 * array when there are none (so a window's partial result always counts, unlike {@code ARRAY_AGG}'s NULL).
 *
 * <p>Built-in {@code ARRAY_AGG(DISTINCT x)} says the same, but its accumulator is a RAW type that Flink
 * Java-serializes on every window buffer flush; this one is a plain array, and merges, so the planner can aggregate
 * in two phases (locally before the shuffle, then per key).
 */
@DataTypeHint("ARRAY<STRING>")
public class DistinctValues extends AggregateFunction<String[], DistinctValues.Values> {

    /** The accumulator: the distinct values so far, sorted. */
    public static class Values {
        public String[] values = new String[0];
    }

    @Override
    public Values createAccumulator() {
        return new Values();
    }

    public void accumulate(Values accumulator, String value) {
        accumulator.values = SortedStrings.with(accumulator.values, value);
    }

    public void merge(Values accumulator, Iterable<Values> others) {
        for (Values other : others) {
            accumulator.values = SortedStrings.withAll(accumulator.values, other.values);
        }
    }

    @Override
    public String[] getValue(Values accumulator) {
        return accumulator.values;
    }
}
