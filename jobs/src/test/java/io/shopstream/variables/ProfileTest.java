package io.shopstream.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {

    private static final String PROD = "# Profile \"prod\"\n"
            + "! also a comment\n"
            + "TOPIC_PREFIX=shop.\n"
            + "WATERMARK_DELAY = 10 \n"
            + "SOURCE_IDLE_TIMEOUT=30 s\n"
            + "EMPTY=\n"
            + "flink.parallelism.default=2\n"
            + "flink.table.exec.mini-batch.enabled=true\n";

    @TempDir
    Path directory;

    @Test
    void readsPropertiesWithCommentsTrimmedValuesAndEmptyValues() {
        Profile profile = Profile.parse("prod", "profiles/prod.properties", PROD);

        assertThat(profile.name()).isEqualTo("prod");
        assertThat(profile.source()).isEqualTo("profiles/prod.properties");
        assertThat(profile.values()).containsOnly(
                Map.entry("TOPIC_PREFIX", "shop."),
                Map.entry("WATERMARK_DELAY", "10"),
                Map.entry("SOURCE_IDLE_TIMEOUT", "30 s"),
                Map.entry("EMPTY", ""),
                Map.entry("flink.parallelism.default", "2"),
                Map.entry("flink.table.exec.mini-batch.enabled", "true"));
    }

    @Test
    void flinkKeysOfAProfileAreFlinkOptionsWithoutTheirPrefix() {
        assertThat(Profile.parse("prod", "profiles/prod.properties", PROD).flinkOptions()).containsExactly(
                Map.entry("parallelism.default", "2"), Map.entry("table.exec.mini-batch.enabled", "true"));
        assertThat(Profile.parse("bare", "profiles/bare.properties", "A=1\nflinkish=2\n").flinkOptions()).isEmpty();
    }

    @Test
    void loadsAProfileFileAndNamesItAsShown() throws Exception {
        Files.writeString(directory.resolve("local.properties"), "TOPIC_PREFIX=\nflink.parallelism.default=1\n");

        Profile profile = Profile.load(directory, "local", "sql/profiles");

        assertThat(profile.name()).isEqualTo("local");
        assertThat(profile.source()).isEqualTo("sql/profiles/local.properties");
        assertThat(profile.values()).containsEntry("TOPIC_PREFIX", "");
        assertThat(profile.flinkOptions()).containsExactly(Map.entry("parallelism.default", "1"));
    }

    @Test
    void anUnknownProfileListsTheKnownOnes() throws Exception {
        Files.writeString(directory.resolve("prod.properties"), "");
        Files.writeString(directory.resolve("local.properties"), "");
        Files.writeString(directory.resolve("notes.txt"), "");

        assertThatThrownBy(() -> Profile.load(directory, "staging", "sql/profiles"))
                .isInstanceOf(UnknownProfileException.class)
                .hasMessage("profile 'staging' does not exist: no sql/profiles/staging.properties. Known profiles:"
                        + " local, prod");
    }

    @Test
    void theValuesCannotBeChanged() {
        Profile profile = Profile.parse("prod", "profiles/prod.properties", PROD);

        assertThatThrownBy(() -> profile.values().put("TOPIC_PREFIX", "x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
