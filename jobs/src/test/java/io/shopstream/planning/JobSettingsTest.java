package io.shopstream.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.testing.RepositorySql;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.Variables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.executiongraph.failover.ExponentialDelayRestartBackoffTimeStrategy;
import org.apache.flink.runtime.executiongraph.failover.RestartBackoffTimeStrategy;
import org.apache.flink.runtime.executiongraph.failover.RestartBackoffTimeStrategyFactoryLoader;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.StateBackendLoader;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.junit.jupiter.api.Test;

/**
 * The job settings each committed profile produces, loaded the way a JobManager loads them: the state backend (heap
 * locally, RocksDB with incremental checkpoints in prod), the restart strategy, the checkpoint failures tolerated,
 * and a Kafka transaction timeout that outlives the longest a transaction can stay open under those settings.
 */
class JobSettingsTest {

    private static final SqlBundle BUNDLE = SqlBundle.at(RepositorySql.DIRECTORY);
    private static final List<String> PROFILES = List.of("local", "prod");
    /** What a job whose program sets no restart strategy passes: the configuration decides. */
    @SuppressWarnings("deprecation")
    private static final RestartStrategies.RestartStrategyConfiguration NO_PROGRAM_STRATEGY =
            RestartStrategies.fallBackRestart();

    @Test
    void localKeepsStateOnTheHeap() throws Exception {
        StateBackend backend = stateBackend(settings("local"));
        assertThat(backend).isInstanceOf(HashMapStateBackend.class);
        assertThat(settings("local").get(CheckpointingOptions.CHECKPOINTING_TIMEOUT)).hasSeconds(45);
    }

    @Test
    void prodKeepsStateInRocksDbWithIncrementalCheckpoints() throws Exception {
        StateBackend backend = stateBackend(settings("prod"));
        assertThat(backend).isInstanceOf(EmbeddedRocksDBStateBackend.class);
        assertThat(((EmbeddedRocksDBStateBackend) backend).isIncrementalCheckpointsEnabled()).isTrue();
        assertThat(settings("prod").get(CheckpointingOptions.CHECKPOINTING_TIMEOUT)).hasSeconds(90);
    }

    @Test
    void everyProfileRestartsWithExponentialDelayAndToleratesThreeFailedCheckpoints() {
        for (String profile : PROFILES) {
            Configuration settings = settings(profile);
            RestartBackoffTimeStrategy.Factory factory = RestartBackoffTimeStrategyFactoryLoader
                    .createRestartBackoffTimeStrategyFactory(NO_PROGRAM_STRATEGY, settings, new Configuration(), true);
            assertThat(factory).as(profile).isInstanceOf(
                    ExponentialDelayRestartBackoffTimeStrategy.ExponentialDelayRestartBackoffTimeStrategyFactory.class);
            RestartBackoffTimeStrategy strategy = factory.create();
            assertThat(strategy.canRestart()).as(profile).isTrue();
            assertThat(strategy.toString()).as(profile)
                    .contains("initialBackoffMS=1000", "maxBackoffMS=60000", "backoffMultiplier=2.0",
                            "resetBackoffThresholdMS=600000", "jitterFactor=0.1",
                            "attemptsBeforeResetBackoff=" + Integer.MAX_VALUE);
            assertThat(settings.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER)).as(profile).isEqualTo(3);
        }
    }

    @Test
    void everyProfilesTransactionsOutliveTheLongestTheyCanStayOpen() {
        for (String profile : PROFILES) {
            Configuration settings = settings(profile);
            Variables variables = Variables.of(BUNDLE.profile(profile), Map.of());
            long timeoutMs = Long.parseLong(variables.require("KAFKA_TRANSACTION_TIMEOUT_MS"));
            Duration longest = JobSettings.longestOpenTransaction(settings);
            assertThat(timeoutMs).as(profile + ": transaction timeout vs. the longest a transaction stays open ("
                    + longest + ")").isGreaterThan(longest.toMillis());
            assertThat(timeoutMs).as(profile + ": transaction timeout vs. the broker's maximum")
                    .isLessThanOrEqualTo(SinkRules.BROKER_MAX_TRANSACTION_TIMEOUT_MS);
        }
        // 4 x (5 s + 45 s) + 1 min locally, 4 x (30 s + 90 s) + 1 min in prod.
        assertThat(JobSettings.longestOpenTransaction(settings("local"))).hasSeconds(260);
        assertThat(JobSettings.longestOpenTransaction(settings("prod"))).hasSeconds(540);
    }

    private static Configuration settings(String profile) {
        PipelineFile pipeline = pipeline();
        Variables variables = PipelineVariables.forPipeline(pipeline.id(),
                Variables.of(BUNDLE.profile(profile), Map.of()));
        return JobSettings.forPipeline(pipeline.id(), variables);
    }

    private static PipelineFile pipeline() {
        return BUNDLE.latest("session_metrics");
    }

    private static StateBackend stateBackend(Configuration settings) throws Exception {
        return StateBackendLoader.loadStateBackendFromConfig(settings, JobSettingsTest.class.getClassLoader(), null);
    }
}
