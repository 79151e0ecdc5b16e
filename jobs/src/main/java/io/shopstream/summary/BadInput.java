package io.shopstream.summary;

import java.util.Map;
import java.util.TreeMap;

/**
 * The input no figure counts, as committed so far: dead letters per reason and late events per pipeline.
 *
 * @param deadLettersByReason dead-letter records per reason ({@code not_json}...)
 * @param lateByPipeline late-event records per pipeline ({@code active_users_1m.v1}...)
 */
public record BadInput(Map<String, Long> deadLettersByReason, Map<String, Long> lateByPipeline) {

    public static final BadInput NONE = new BadInput(Map.of(), Map.of());

    public BadInput {
        deadLettersByReason = Map.copyOf(new TreeMap<>(deadLettersByReason));
        lateByPipeline = Map.copyOf(new TreeMap<>(lateByPipeline));
    }
}
