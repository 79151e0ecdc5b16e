package io.shopstream.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopstream.variables.UnknownProfileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlBundleTest {

    @TempDir
    Path root;

    private SqlBundle bundleWith(String... pipelineFiles) throws Exception {
        Files.createDirectories(root.resolve("pipelines"));
        Files.createDirectories(root.resolve("sources"));
        Files.createDirectories(root.resolve("profiles"));
        Files.writeString(root.resolve("profiles/local.properties"), "TOPIC_PREFIX=\n");
        Files.writeString(root.resolve("profiles/prod.properties"), "TOPIC_PREFIX=shop.\n");
        for (String file : pipelineFiles) {
            Files.writeString(root.resolve("pipelines").resolve(file), "INSERT INTO x SELECT 1;\n");
        }
        return SqlBundle.at(root);
    }

    @Test
    void findsPipelinesInOrderAndTheLatestVersionOfEach() throws Exception {
        SqlBundle bundle = bundleWith("b.v1.sql", "a.v10.sql", "a.v2.sql");

        assertThat(bundle.pipelines()).extracting(PipelineFile::id).extracting(PipelineId::toString)
                .containsExactly("a.v2", "a.v10", "b.v1");
        assertThat(bundle.latestVersions()).extracting(p -> p.id().toString()).containsExactly("a.v10", "b.v1");
        assertThat(bundle.latest("a").id()).isEqualTo(new PipelineId("a", 10));
        assertThat(bundle.latest("a.v2").id()).isEqualTo(new PipelineId("a", 2));
        assertThat(bundle.profileNames()).containsExactly("local", "prod");
    }

    @Test
    void anUnknownPipelineListsTheKnownOnes() throws Exception {
        SqlBundle bundle = bundleWith("a.v1.sql");

        assertThatThrownBy(() -> bundle.select(java.util.List.of("b")))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("unknown pipeline 'b'")
                .hasMessageContaining("a.v1");
    }

    @Test
    void anUnknownProfileListsTheKnownOnes() throws Exception {
        SqlBundle bundle = bundleWith("a.v1.sql");

        assertThatThrownBy(() -> bundle.profile("staging"))
                .isInstanceOf(UnknownProfileException.class)
                .hasMessageContaining("profile 'staging' does not exist")
                .hasMessageContaining("local, prod");
    }
}
