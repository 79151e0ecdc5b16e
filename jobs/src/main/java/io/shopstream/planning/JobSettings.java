package io.shopstream.planning;

import io.shopstream.bundle.PipelineId;
import io.shopstream.variables.Variables;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.table.api.config.TableConfigOptions;
import org.apache.flink.util.TimeUtils;

/**
 * The Flink configuration every pipeline job runs with: its name ({@code <pipeline>@v<N>}), exactly-once
 * checkpoints every {@code ${CHECKPOINT_INTERVAL}}, windows aligned to UTC, the profile's {@code flink.*} options, and
 * compiled plans that leave connector options to the profile.
 */
public final class JobSettings {

    public static final String CHECKPOINT_INTERVAL = "CHECKPOINT_INTERVAL";

    private JobSettings() {}

    public static Configuration forPipeline(PipelineId id, Variables variables) {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.NAME, id.jobName());
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval(variables));
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        configuration.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
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
