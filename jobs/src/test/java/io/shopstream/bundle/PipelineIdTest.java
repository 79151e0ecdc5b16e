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
    }

    @Test
    void rejectsFileNamesWithoutAValidVersion() {
        assertThat(PipelineId.fromFileName("active_users_1m.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("active_users_1m.v0.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("active_users_1m.vx.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("active_users_1m.v01.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("Active_Users.v1.sql")).isEmpty();
        assertThat(PipelineId.fromFileName("active-users.v1.sql")).isEmpty();
        assertThatThrownBy(() -> new PipelineId("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesEveryResourceAfterNameAndVersion() {
        PipelineId id = new PipelineId("session_metrics", 3);

        assertThat(id.jobName()).isEqualTo("session_metrics@v3");
        assertThat(id.qualifiedName()).isEqualTo("session_metrics_v3");
        assertThat(id.fileName()).isEqualTo("session_metrics.v3.sql");
        assertThat(id).hasToString("session_metrics.v3");
    }

    @Test
    void matchesANameAnyVersionOrAnExactVersion() {
        PipelineId id = new PipelineId("session_metrics", 2);

        assertThat(id.matches("session_metrics")).isTrue();
        assertThat(id.matches("session_metrics.v2")).isTrue();
        assertThat(id.matches("session_metrics@v2")).isTrue();
        assertThat(id.matches("session_metrics.v1")).isFalse();
        assertThat(id.matches("session")).isFalse();
        assertThat(id.matches("session_metrics.v2.sql")).isFalse();
    }

    @Test
    void ordersByNameThenNumericVersion() {
        List<PipelineId> ids = new ArrayList<>(List.of(new PipelineId("b", 1), new PipelineId("a", 10),
                new PipelineId("a", 2)));
        ids.sort(null);

        assertThat(ids).containsExactly(new PipelineId("a", 2), new PipelineId("a", 10), new PipelineId("b", 1));
    }
}
