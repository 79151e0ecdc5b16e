package io.shopstream.variables;

import io.shopstream.bundle.PipelineId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variables the launcher defines for each pipeline, so a file copied to {@code v2} needs no edit to get its own
 * topic, transactional ids and consumer group:
 *
 * <pre>
 * PIPELINE                 active_users_1m
 * PIPELINE_VERSION         1
 * PROFILE                  local
 * OUTPUT_TOPIC             ${TOPIC_PREFIX}active_users_1m_v1
 * TRANSACTIONAL_ID_PREFIX  shopstream.local.${TOPIC_PREFIX}active_users_1m_v1
 * CONSUMER_GROUP           shopstream.local.${TOPIC_PREFIX}active_users_1m_v1
 * </pre>
 *
 * A pipeline with a second Kafka sink appends a suffix to both ({@code ${OUTPUT_TOPIC}_late},
 * {@code ${TRANSACTIONAL_ID_PREFIX}.late}).
 */
public final class PipelineVariables {

    public static final String OUTPUT_TOPIC = "OUTPUT_TOPIC";
    public static final String TRANSACTIONAL_ID_PREFIX = "TRANSACTIONAL_ID_PREFIX";

    private PipelineVariables() {}

    public static Map<String, String> of(PipelineId id, Variables variables) {
        String topicPrefix = variables.lookup("TOPIC_PREFIX").orElse("");
        String profile = variables.profile().name();
        String qualified = topicPrefix + id.qualifiedName();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("PIPELINE", id.name());
        values.put("PIPELINE_VERSION", Integer.toString(id.version()));
        values.put("PROFILE", profile);
        values.put(OUTPUT_TOPIC, qualified);
        values.put(TRANSACTIONAL_ID_PREFIX, "shopstream." + profile + "." + qualified);
        values.put("CONSUMER_GROUP", "shopstream." + profile + "." + qualified);
        return values;
    }

    /** The variables with this pipeline's own values added. */
    public static Variables forPipeline(PipelineId id, Variables variables) {
        return variables.with(of(id, variables));
    }
}
