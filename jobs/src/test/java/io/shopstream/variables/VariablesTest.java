package io.shopstream.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {

    private static final Profile PROFILE = Profile.parse("prod", "profiles/prod.properties",
            "TOPIC_PREFIX=shop.\nWATERMARK_DELAY=10\nSOURCE_IDLE_TIMEOUT=30 s\n");

    @Test
    void overridesBeatTheEnvironmentWhichBeatsTheProfile() {
        Variables variables = Variables.of(PROFILE, Map.of("WATERMARK_DELAY", "20", "TOPIC_PREFIX", "env."))
                .with(Map.of("TOPIC_PREFIX", "override."));

        assertThat(variables.lookup("TOPIC_PREFIX")).contains("override.");
        assertThat(variables.lookup("WATERMARK_DELAY")).contains("20");
        assertThat(variables.lookup("SOURCE_IDLE_TIMEOUT")).contains("30 s");
        assertThat(variables.lookup("MISSING")).isEmpty();
    }

    @Test
    void withoutEnvironmentOrOverridesTheProfileAnswers() {
        Variables variables = Variables.of(PROFILE, Map.of());

        assertThat(variables.lookup("WATERMARK_DELAY")).contains("10");
        assertThat(variables.profile()).isSameAs(PROFILE);
    }

    @Test
    void laterOverridesBeatEarlierOnesAndLeaveTheOriginalUnchanged() {
        Variables base = Variables.of(PROFILE, Map.of());
        Variables first = base.with(Map.of("A", "1", "B", "1"));
        Variables second = first.with(Map.of("B", "2"));

        assertThat(second.lookup("A")).contains("1");
        assertThat(second.lookup("B")).contains("2");
        assertThat(first.lookup("B")).contains("1");
        assertThat(base.lookup("A")).isEmpty();
    }

    @Test
    void anEmptyValueIsAValue() {
        Variables variables = Variables.of(Profile.parse("local", "profiles/local.properties", "TOPIC_PREFIX=\n"),
                Map.of());

        assertThat(variables.lookup("TOPIC_PREFIX")).contains("");
        assertThat(variables.require("TOPIC_PREFIX")).isEmpty();
    }

    @Test
    void aRequiredVariableIsLookedUpLikeAnyOther() {
        assertThat(Variables.of(PROFILE, Map.of("CHECKPOINT_INTERVAL", "1 min")).require("CHECKPOINT_INTERVAL"))
                .isEqualTo("1 min");
    }

    @Test
    void aRequiredVariableThatIsMissingNamesItselfAndTheProfileFile() {
        assertThatThrownBy(() -> Variables.of(PROFILE, Map.of()).require("CHECKPOINT_INTERVAL"))
                .isInstanceOf(UnknownVariableException.class)
                .hasMessage("variable CHECKPOINT_INTERVAL is not set: add it to profiles/prod.properties or set it in"
                        + " the environment");
    }

    @Test
    void declaredNamesAreTheProfileAndTheOverridesNotTheEnvironment() {
        Variables variables = Variables.of(PROFILE, Map.of("PATH", "/bin")).with(Map.of("OUTPUT_TOPIC", "t"));

        assertThat(variables.declaredNames())
                .containsExactly("OUTPUT_TOPIC", "SOURCE_IDLE_TIMEOUT", "TOPIC_PREFIX", "WATERMARK_DELAY");
    }
}
