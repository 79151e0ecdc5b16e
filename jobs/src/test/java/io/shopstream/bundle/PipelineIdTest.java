package io.shopstream.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineIdTest {

    @Test
    void readsNameAndVersionFromTheFileName() {
        assertThat(PipelineId.fromFileName("active_users_1m.v1.sql")).contains(new PipelineId("active_users_1m", 1));
        assertThat(PipelineId.fromFileName("x.v12.sql")).contains(new PipelineId("x", 12));
        assertThat(PipelineId.fromFileName("session_metrics.v10.sql")).contains(new PipelineId("session_metrics", 10));
    }

    @Test
    void rejectsFileNamesWithoutAVersion() {
        assertThat(PipelineId.fromFileName("foo.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("foo.v.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("foo.v1")).isEmpty();
    }

    @Test
    void rejectsVersionsThatAreNotPositiveNumbersWithoutLeadingZeros() {
        assertThat(PipelineId.fromFileName("foo.v0.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("foo.v01.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("foo.vx.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("foo.v-1.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("foo.1.sql")).isEmpty();
    }

    @Test
    void rejectsNamesThatAreNotLowerSnakeCase() {
        assertThat(PipelineId.fromFileName("Foo.v1.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("FOO.v1.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("foo-bar.v1.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("1foo.v1.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("_foo.v1.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("foo.bar.v1.sql")).isEmpty();
    }

    @Test
    void rejectsAnUpperCaseVersionOrExtensionAndAnythingAfterIt() {
        assertThat(PipelineId.fromFileName("foo.V1.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("foo.v1.SQL")).isEmpty();
        assertThat(PipelineId.fromFileName("foo.v1.sql.bak")).isEmpty();
        assertThat(PipelineId.fromFileName("foo.v1.sql~")).isEmpty();
    }

    @Test
    void theConstructorRefusesWhatAFileNameCannotCarry() {
        assertThatThrownBy(() -> new PipelineId("x", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pipeline versions start at 1: 0");
        assertThatThrownBy(() -> new PipelineId("Active", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pipeline names are lower_snake_case: Active");
    }

    @Test
    void namesEveryResourceAfterNameAndVersion() {
        PipelineId id = new PipelineId("session_metrics", 3);

        assertThat(id.jobName()).isEqualTo("session_metrics@v3");
        assertThat(id.qualifiedName()).isEqualTo("session_metrics_v3");
        assertThat(id.fileName()).isEqualTo("session_metrics.v3.sql");
        assertThat(id).hasToString("session_metrics.v3");
        assertThat(PipelineId.fromFileName(id.fileName())).contains(id);
    }

    @Test
    void matchesANameAnyVersionOrAnExactVersion() {
        PipelineId id = new PipelineId("session_metrics", 2);

        assertThat(id.matches("session_metrics")).isTrue();
        assertThat(id.matches("session_metrics.v2")).isTrue();
        assertThat(id.matches("session_metrics@v2")).isTrue();
    }

    @Test
    void doesNotMatchAnotherVersionAnotherNameOrAnotherShape() {
        PipelineId id = new PipelineId("session_metrics", 2);

        assertThat(id.matches("session_metrics.v1")).isFalse();
        assertThat(id.matches("session_metrics@v20")).isFalse();
        assertThat(id.matches("session")).isFalse();
        assertThat(id.matches("session_metrics_v2")).isFalse();
        assertThat(id.matches("session_metrics.v2.sql")).isFalse();
        assertThat(id.matches("session_metrics.V2")).isFalse();
        assertThat(id.matches("Session_Metrics")).isFalse();
        assertThat(id.matches("session_metrics.v02")).isFalse();
        assertThat(id.matches("")).isFalse();
    }

    @Test
    void ordersByNameThenNumericVersion() {
        List<PipelineId> ids = new ArrayList<>(List.of(new PipelineId("b", 1), new PipelineId("a", 10),
                new PipelineId("a", 2), new PipelineId("a_b", 1), new PipelineId("a", 1)));
        ids.sort(null);

        assertThat(ids).containsExactly(new PipelineId("a", 1), new PipelineId("a", 2), new PipelineId("a", 10),
                new PipelineId("a_b", 1), new PipelineId("b", 1));
    }
}
