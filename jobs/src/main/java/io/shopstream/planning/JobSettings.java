package io.shopstream.planning;

import io.shopstream.bundle.PipelineId;
import io.shopstream.variables.Variables;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.table.api.config.TableConfigOptions;
import org.apache.flink.util.TimeUtils;

/**
 * The Flink configuration every pipeline job runs with: its name ({@code <pipeline>@v<N>}), exactly-once
 * checkpoints every {@code ${CHECKPOINT_INTERVAL}}, how it survives failures (restart strategy, tolerated checkpoint
 * failures), windows aligned to UTC, the profile's {@code flink.*} options (the state backend, the checkpoint
 * timeout), and compiled plans that leave connector options to the profile.
 *
 * <p>Restarts: exponential delay, 1 s doubling up to 1 min, forever. A streaming job whose input waits in Kafka should
 * never give up on a failure it can outlive (a broker restarting, a TaskManager replaced), and backing off keeps a
 * failure that persists from hammering the broker and the cluster; a job that has run for 10 min without failing
 * starts again from 1 s. Checkpoints: 3 consecutive failures are tolerated before the job restarts, since a failed
 * checkpoint loses nothing: its Kafka transactions stay open and are committed with the next checkpoint that completes.
 * That is only safe while a transaction outlives them, which {@link #longestOpenTransaction} bounds and the profiles'
 * {@code KAFKA_TRANSACTION_TIMEOUT_MS} must exceed (tested).
 */
public final class JobSettings {

    public static final String CHECKPOINT_INTERVAL = "CHECKPOINT_INTERVAL";
    public static final int TOLERABLE_FAILED_CHECKPOINTS = 3;
    public static final Duration INITIAL_RESTART_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_RESTART_DELAY = Duration.ofMinutes(1);

    private JobSettings() {}

    public static Configuration forPipeline(PipelineId id, Variables variables) {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.NAME, id.jobName());
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval(variables));
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        configuration.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        configuration.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, TOLERABLE_FAILED_CHECKPOINTS);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                INITIAL_RESTART_DELAY);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, MAX_RESTART_DELAY);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
                Duration.ofMinutes(10));
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
        // Operators chained to the source pass each row on instead of copying it for every reader: the shared source
        // feeds up to seven (windows, sessions, late events, dead letters), and the copies took a quarter of its
        // thread. Flink SQL's operators copy what they keep (window buffers and state serialize or copy rows).
        configuration.set(PipelineOptions.OBJECT_REUSE, true);
        configuration.addAll(Configuration.fromMap(variables.profile().flinkOptions()));
        // Set after the profile's options, which may not change it: EPOCH_MILLIS reads window bounds as UTC, and any
        // other zone would shift every time column.
        configuration.set(TableConfigOptions.LOCAL_TIME_ZONE, "UTC");
        // Compiled plans name each table and carry its schema, but not its options: the bootstrap servers, topics and
        // consumer group differ per profile and come from the profile's CREATE TABLE when a plan runs (restoring
        // with the default ALL looks a table up by identifier when the plan has no options for it, and checks that
        // its schema is still the plan's). ALL would freeze one profile's options into the committed file.
        configuration.set(TableConfigOptions.PLAN_COMPILE_CATALOG_OBJECTS,
                TableConfigOptions.CatalogPlanCompilation.SCHEMA);
        configuration.set(TableConfigOptions.PLAN_RESTORE_CATALOG_OBJECTS, TableConfigOptions.CatalogPlanRestore.ALL);
        return configuration;
    }

    /**
     * The longest a Kafka transaction of these settings can stay open before it is committed: up to
     * {@link #TOLERABLE_FAILED_CHECKPOINTS} checkpoints in a row fail, each after its interval and timeout, then the
     * next one completes, or the job fails and waits at most {@link #MAX_RESTART_DELAY} to restore and commit it. The
     * broker aborts a transaction older than the producer's {@code transaction.timeout.ms}: what it held would be
     * lost, so that timeout must be longer than this.
     */
    public static Duration longestOpenTransaction(Configuration settings) {
        Duration oneCheckpoint = settings.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)
                .plus(settings.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT));
        return oneCheckpoint.multipliedBy(settings.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER) + 1L)
                .plus(settings.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF));
    }

    public static Duration checkpointInterval(Variables variables) {
        String value = variables.require(CHECKPOINT_INTERVAL);
        try {
            return TimeUtils.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CHECKPOINT_INTERVAL + " = '" + value + "' in "
                    + variables.profile().source() + " is not a duration (write e.g. '10 s' or '1 min')");
        }
    }
}
