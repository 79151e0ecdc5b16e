package io.shopstream.variables;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.bundle.PipelineId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineVariablesTest {

    private static final Variables PROD = Variables.of(
            Profile.parse("prod", "profiles/prod.properties", "TOPIC_PREFIX=shop.\n"), Map.of());
    private static final Variables LOCAL = Variables.of(
            Profile.parse("local", "profiles/local.properties", "TOPIC_PREFIX=\n"), Map.of());
    private static final PipelineId V1 = new PipelineId("active_users_1m", 1);
    private static final PipelineId V2 = new PipelineId("active_users_1m", 2);

    @Test
    void definesEveryPipelineVariable() {
        assertThat(PipelineVariables.of(V1, PROD)).containsExactly(
                Map.entry("PIPELINE", "active_users_1m"),
                Map.entry("PIPELINE_VERSION", "1"),
                Map.entry("PROFILE", "prod"),
                Map.entry("OUTPUT_TOPIC", "shop.active_users_1m_v1"),
                Map.entry("TRANSACTIONAL_ID_PREFIX", "shopstream.prod.shop.active_users_1m_v1"),
                Map.entry("CONSUMER_GROUP", "shopstream.prod.shop.active_users_1m_v1"));
    }

    @Test
    void theOutputTopicIsTheTopicPrefixThenNameAndVersion() {
        assertThat(PipelineVariables.of(new PipelineId("x", 12), PROD)).containsEntry("OUTPUT_TOPIC", "shop.x_v12");
        assertThat(PipelineVariables.of(V1, LOCAL)).containsEntry("OUTPUT_TOPIC", "active_users_1m_v1");
    }

    @Test
    void transactionalIdsAndConsumerGroupsDifferBetweenVersions() {
        Map<String, String> v1 = PipelineVariables.of(V1, PROD);
        Map<String, String> v2 = PipelineVariables.of(V2, PROD);

        assertThat(v2).containsEntry("TRANSACTIONAL_ID_PREFIX", "shopstream.prod.shop.active_users_1m_v2")
                .containsEntry("CONSUMER_GROUP", "shopstream.prod.shop.active_users_1m_v2")
                .containsEntry("OUTPUT_TOPIC", "shop.active_users_1m_v2")
                .containsEntry("PIPELINE_VERSION", "2");
        assertThat(v2.get("TRANSACTIONAL_ID_PREFIX")).isNotEqualTo(v1.get("TRANSACTIONAL_ID_PREFIX"));
        assertThat(v2.get("CONSUMER_GROUP")).isNotEqualTo(v1.get("CONSUMER_GROUP"));
    }

    @Test
    void transactionalIdsAndConsumerGroupsDifferBetweenProfilesEvenWithTheSamePrefix() {
        Variables staging = Variables.of(
                Profile.parse("staging", "profiles/staging.properties", "TOPIC_PREFIX=shop.\n"), Map.of());

        assertThat(PipelineVariables.of(V1, staging))
                .containsEntry("OUTPUT_TOPIC", "shop.active_users_1m_v1")
                .containsEntry("TRANSACTIONAL_ID_PREFIX", "shopstream.staging.shop.active_users_1m_v1")
                .containsEntry("CONSUMER_GROUP", "shopstream.staging.shop.active_users_1m_v1");
        assertThat(PipelineVariables.of(V1, LOCAL))
                .containsEntry("TRANSACTIONAL_ID_PREFIX", "shopstream.local.active_users_1m_v1")
                .containsEntry("CONSUMER_GROUP", "shopstream.local.active_users_1m_v1");
    }

    @Test
    void theTopicPrefixOfTheEnvironmentCounts() {
        Variables variables = Variables.of(LOCAL.profile(), Map.of("TOPIC_PREFIX", "dev."));

        assertThat(PipelineVariables.of(V1, variables))
                .containsEntry("OUTPUT_TOPIC", "dev.active_users_1m_v1")
                .containsEntry("TRANSACTIONAL_ID_PREFIX", "shopstream.local.dev.active_users_1m_v1");
    }

    @Test
    void withoutATopicPrefixTheNamesHaveNone() {
        Variables none = Variables.of(Profile.parse("bare", "profiles/bare.properties", ""), Map.of());

        assertThat(PipelineVariables.of(V1, none)).containsEntry("OUTPUT_TOPIC", "active_users_1m_v1")
                .containsEntry("CONSUMER_GROUP", "shopstream.bare.active_users_1m_v1");
    }

    @Test
    void aPipelinesOwnValuesBeatTheEnvironmentAndTheProfile() {
        Variables variables = Variables.of(
                Profile.parse("prod", "profiles/prod.properties", "TOPIC_PREFIX=shop.\nOUTPUT_TOPIC=profile\n"),
                Map.of("PIPELINE", "env"));

        Variables forPipeline = PipelineVariables.forPipeline(V2, variables);

        assertThat(forPipeline.lookup("OUTPUT_TOPIC")).contains("shop.active_users_1m_v2");
        assertThat(forPipeline.lookup("PIPELINE")).contains("active_users_1m");
        assertThat(forPipeline.lookup("TOPIC_PREFIX")).contains("shop.");
        assertThat(variables.lookup("OUTPUT_TOPIC")).contains("profile");
    }
}
