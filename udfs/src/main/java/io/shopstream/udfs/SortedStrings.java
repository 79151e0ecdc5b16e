package io.shopstream.udfs;

import java.util.Arrays;

/**
 * A set of strings as a sorted array, what the distinct-value aggregates keep in their accumulators: the sets are a
 * few products per session, so an array read and written whole with the accumulator is cheaper than keyed map state.
 */
final class SortedStrings {

    private SortedStrings() {}

    /** {@code set} with {@code value} added: {@code set} itself when it holds it already or {@code value} is null. */
    static String[] with(String[] set, String value) {
        if (value == null) {
            return set;
        }
        int position = Arrays.binarySearch(set, value);
        if (position >= 0) {
            return set;
        }
        int insertAt = -position - 1;
        String[] grown = new String[set.length + 1];
        System.arraycopy(set, 0, grown, 0, insertAt);
        grown[insertAt] = value;
        System.arraycopy(set, insertAt, grown, insertAt + 1, set.length - insertAt);
        return grown;
    }

    /** {@code set} with every non-null value of {@code values} added; {@code values} may be null. */
    static String[] withAll(String[] set, String[] values) {
        String[] result = set;
        if (values != null) {
            for (String value : values) {
                result = with(result, value);
            }
        }
        return result;
    }
}
