package io.shopstream.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopstream.sql.SqlScript;
import io.shopstream.testing.RepositorySql;
import io.shopstream.variables.Profile;
import io.shopstream.variables.UnknownProfileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlBundleTest {

    @TempDir
    Path temporary;

    /** A copy of the repository's sql/ folder; shown in messages by its absolute path (it is outside the module). */
    private Path sql;
    private SqlBundle bundle;

    private SqlBundle repositoryCopy() throws Exception {
        sql = RepositorySql.copyInto(temporary);
        bundle = SqlBundle.at(sql);
        return bundle;
    }

    /** A bundle of empty pipelines with these file names. */
    private SqlBundle bundleWith(String... pipelineFiles) throws Exception {
        Files.createDirectories(temporary.resolve("pipelines"));
        Files.createDirectories(temporary.resolve("profiles"));
        Files.writeString(temporary.resolve("profiles/local.properties"), "TOPIC_PREFIX=\n");
        for (String file : pipelineFiles) {
            Files.writeString(temporary.resolve("pipelines").resolve(file), "INSERT INTO x SELECT 1;\n");
        }
        return SqlBundle.at(temporary);
    }

    private static List<String> ids(List<PipelineFile> pipelines) {
        return pipelines.stream().map(p -> p.id().toString()).toList();
    }

    @Test
    void findsTheRepositorysPipelinesSortedWithTheirText() throws Exception {
        repositoryCopy();

        List<PipelineFile> pipelines = bundle.pipelines();

        assertThat(ids(pipelines)).containsExactly("active_users_1m.v1", "dead_letters.v1", "product_metrics_1m.v1",
                "session_metrics.v3");
        assertThat(pipelines.get(3).script().name()).isEqualTo(sql + "/pipelines/session_metrics.v3.sql");
        assertThat(pipelines.get(3).script().text())
                .isEqualTo(Files.readString(sql.resolve("pipelines/session_metrics.v3.sql")));
    }

    @Test
    void namesFilesUnderTheDirectoryAsGiven() throws Exception {
        repositoryCopy();

        assertThat(bundle.displayRoot()).isEqualTo(sql.toString());
        assertThat(bundle.sources()).extracting(SqlScript::name).containsExactly(
                sql + "/sources/all_events.sql", sql + "/sources/events.sql", sql + "/sources/malformed_events.sql");
        assertThat(bundle.functions()).map(SqlScript::name).contains(sql + "/functions.sql");
        assertThat(bundle.testDirectory("session_metrics")).isEqualTo(sql.resolve("tests/session_metrics"));
    }

    @Test
    void aDirectoryInsideTheWorkingDirectoryIsShownRelativeToIt() throws Exception {
        Path inside = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bundle");
        try {
            Files.createDirectories(inside.resolve("pipelines"));

            assertThat(SqlBundle.at(inside).displayRoot()).isEqualTo("target/" + inside.getFileName());
        } finally {
            Files.delete(inside.resolve("pipelines"));
            Files.delete(inside);
        }
    }

    @Test
    void selectsByNameByNameAndVersionAndByJobName() throws Exception {
        repositoryCopy();

        assertThat(ids(bundle.select(List.of("session_metrics")))).containsExactly("session_metrics.v3");
        assertThat(ids(bundle.select(List.of("product_metrics_1m.v1")))).containsExactly("product_metrics_1m.v1");
        assertThat(ids(bundle.select(List.of("active_users_1m@v1")))).containsExactly("active_users_1m.v1");
        assertThat(ids(bundle.select(List.of("session_metrics", "active_users_1m", "session_metrics.v3"))))
                .containsExactly("session_metrics.v3", "active_users_1m.v1");
    }

    @Test
    void anUnknownPipelineOrVersionListsThePipelinesThatExist() throws Exception {
        repositoryCopy();
        String known = ". Pipelines in " + sql + "/pipelines: active_users_1m.v1, dead_letters.v1,"
                + " product_metrics_1m.v1, session_metrics.v3";

        assertThatThrownBy(() -> bundle.select(List.of("session_metrics", "sessions")))
                .isInstanceOf(BundleException.class)
                .hasMessage("unknown pipeline 'sessions'" + known);
        assertThatThrownBy(() -> bundle.select(List.of("session_metrics.v4")))
                .isInstanceOf(BundleException.class)
                .hasMessage("unknown pipeline 'session_metrics.v4'" + known);
    }

    @Test
    void readsTheRepositorysProfiles() throws Exception {
        repositoryCopy();

        assertThat(bundle.profileNames()).containsExactly("local", "prod");
        Profile prod = bundle.profile("prod");
        assertThat(prod.source()).isEqualTo(sql + "/profiles/prod.properties");
        assertThat(prod.values()).containsEntry("TOPIC_PREFIX", "shop.").containsEntry("CHECKPOINT_INTERVAL", "30 s");
        assertThat(prod.flinkOptions()).containsExactly(Map.entry("execution.checkpointing.incremental", "true"),
                Map.entry("execution.checkpointing.timeout", "90 s"), Map.entry("parallelism.default", "2"),
                Map.entry("state.backend.type", "rocksdb"));
        assertThat(bundle.profile("local").values()).containsEntry("TOPIC_PREFIX", "");
    }

    @Test
    void anUnknownProfileListsTheKnownOnes() throws Exception {
        repositoryCopy();

        assertThatThrownBy(() -> bundle.profile("staging"))
                .isInstanceOf(UnknownProfileException.class)
                .hasMessage("profile 'staging' does not exist: no " + sql + "/profiles/staging.properties."
                        + " Known profiles: local, prod");
    }

    @Test
    void findsPipelinesInOrderAndTheLatestVersionOfEach() throws Exception {
        SqlBundle bundle = bundleWith("b.v1.sql", "a.v10.sql", "a.v2.sql");

        assertThat(ids(bundle.pipelines())).containsExactly("a.v2", "a.v10", "b.v1");
        assertThat(ids(bundle.select(List.of("a")))).containsExactly("a.v2", "a.v10");
        assertThat(ids(bundle.latestVersions())).containsExactly("a.v10", "b.v1");
        assertThat(bundle.latest("a").id()).isEqualTo(new PipelineId("a", 10));
        assertThat(bundle.latest("a.v2").id()).isEqualTo(new PipelineId("a", 2));
    }

    @Test
    void filesThatAreNotSqlAreIgnored() throws Exception {
        SqlBundle bundle = bundleWith("a.v1.sql");
        Files.writeString(temporary.resolve("pipelines/README.md"), "notes");

        assertThat(ids(bundle.pipelines())).containsExactly("a.v1");
        assertThat(bundle.sources()).isEmpty();
        assertThat(bundle.functions()).isEmpty();
    }

    @Test
    void aPipelineFileWithoutAVersionIsAnError() throws Exception {
        SqlBundle bundle = bundleWith("a.v1.sql", "b.sql");

        assertThatThrownBy(bundle::pipelines)
                .isInstanceOf(BundleException.class)
                .hasMessage(temporary + "/pipelines/b.sql: a pipeline file must be named <name>.v<N>.sql"
                        + " (lower_snake_case name, version from 1), e.g. active_users_1m.v1.sql");
    }

    @Test
    void aDirectoryThatIsNotABundleIsAnError() {
        Path missing = temporary.resolve("missing");

        assertThatThrownBy(() -> SqlBundle.at(missing))
                .isInstanceOf(BundleException.class)
                .hasMessage("SQL directory " + missing + " does not exist or is not a directory");
        assertThatThrownBy(() -> SqlBundle.at(temporary))
                .isInstanceOf(BundleException.class)
                .hasMessageStartingWith("SQL directory " + temporary + " has no pipelines/ folder");
    }
}
