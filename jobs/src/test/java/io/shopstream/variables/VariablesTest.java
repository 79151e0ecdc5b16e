package io.shopstream.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopstream.bundle.PipelineId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {

    private static final Profile PROFILE = Profile.parse("prod", "profiles/prod.properties",
            "# comment\nTOPIC_PREFIX=shop.\nWATERMARK_DELAY = 10 \nflink.parallelism.default=2\n"
                    + "flink.table.exec.mini-batch.enabled=true\n");

    @Test
    void overridesBeatTheEnvironmentWhichBeatsTheProfile() {
        Variables variables = Variables.of(PROFILE, Map.of("WATERMARK_DELAY", "20", "TOPIC_PREFIX", "env."))
                .with(Map.of("TOPIC_PREFIX", "override."));

        assertThat(variables.lookup("TOPIC_PREFIX")).contains("override.");
        assertThat(variables.lookup("WATERMARK_DELAY")).contains("20");
        assertThat(Variables.of(PROFILE, Map.of()).lookup("WATERMARK_DELAY")).contains("10");
        assertThat(variables.lookup("MISSING")).isEmpty();
    }

    @Test
    void aRequiredVariableThatIsMissingNamesTheProfileFile() {
        assertThatThrownBy(() -> Variables.of(PROFILE, Map.of()).require("CHECKPOINT_INTERVAL"))
                .isInstanceOf(UnknownVariableException.class)
                .hasMessageContaining("CHECKPOINT_INTERVAL")
                .hasMessageContaining("profiles/prod.properties");
    }

    @Test
    void flinkKeysOfAProfileAreFlinkOptions() {
        assertThat(PROFILE.flinkOptions()).containsOnly(
                Map.entry("parallelism.default", "2"), Map.entry("table.exec.mini-batch.enabled", "true"));
    }

    @Test
    void everyPipelineVersionAndProfileGetsItsOwnTopicGroupAndTransactionalIds() {
        Variables prod = Variables.of(PROFILE, Map.of());
        Variables local = Variables.of(Profile.parse("local", "profiles/local.properties", "TOPIC_PREFIX=\n"), Map.of());
        PipelineId v1 = new PipelineId("active_users_1m", 1);
        PipelineId v2 = new PipelineId("active_users_1m", 2);

        Map<String, String> prodV1 = PipelineVariables.of(v1, prod);
        assertThat(prodV1).containsEntry("OUTPUT_TOPIC", "shop.active_users_1m_v1")
                .containsEntry("TRANSACTIONAL_ID_PREFIX", "shopstream.prod.shop.active_users_1m_v1")
                .containsEntry("CONSUMER_GROUP", "shopstream.prod.shop.active_users_1m_v1")
                .containsEntry("PIPELINE", "active_users_1m")
                .containsEntry("PIPELINE_VERSION", "1")
                .containsEntry("PROFILE", "prod");
        assertThat(PipelineVariables.of(v2, prod).get("TRANSACTIONAL_ID_PREFIX"))
                .isEqualTo("shopstream.prod.shop.active_users_1m_v2");
        assertThat(PipelineVariables.of(v1, local)).containsEntry("OUTPUT_TOPIC", "active_users_1m_v1")
                .containsEntry("TRANSACTIONAL_ID_PREFIX", "shopstream.local.active_users_1m_v1");
    }
}
