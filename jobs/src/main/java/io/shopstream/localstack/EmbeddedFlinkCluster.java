package io.shopstream.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink MiniCluster in this JVM (JobManager and one TaskManager) with its REST endpoint and web dashboard on
 * loopback. Jobs reach it the way they reach any session cluster, through REST, so what runs here is submitted
 * exactly as it would be elsewhere. Checkpoints go to files in a directory of its own, removed when it stops.
 */
public final class EmbeddedFlinkCluster implements AutoCloseable {

    private final MiniCluster cluster;
    private final URI restAddress;
    private final Path checkpoints;

    private EmbeddedFlinkCluster(MiniCluster cluster, URI restAddress, Path checkpoints) {
        this.cluster = cluster;
        this.restAddress = restAddress;
        this.checkpoints = checkpoints;
    }

    /**
     * Starts the cluster.
     *
     * @param restPort the REST and dashboard port, or 0 for a free one
     * @param slots task slots of the one TaskManager: every pipeline job takes at least one
     */
    public static EmbeddedFlinkCluster start(int restPort, int slots) {
        int port = LocalPorts.claim(restPort, "Flink dashboard and REST API, --flink-port");
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.PORT, port);
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        // Flink's default keeps checkpoints in the JobManager's memory, at most 5 MB each: the session pipeline's
        // state outgrows that within minutes of `local`, and every checkpoint then fails.
        Path checkpoints = WorkDirectory.temporary("flink-checkpoints");
        configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        try {
            cluster.start();
            return new EmbeddedFlinkCluster(cluster, cluster.getRestAddress().get(), checkpoints);
        } catch (Exception e) {
            closeQuietly(cluster);
            WorkDirectory.delete(checkpoints);
            throw new LocalStackException("the embedded Flink cluster did not start: " + e.getMessage(), e);
        }
    }

    /** The REST endpoint, e.g. {@code http://127.0.0.1:8081}; the dashboard is at the same address. */
    public URI restAddress() {
        return restAddress;
    }

    @Override
    public void close() {
        try {
            cluster.closeAsync().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new LocalStackException("the embedded Flink cluster did not stop cleanly: " + e.getMessage(), e);
        } finally {
            WorkDirectory.delete(checkpoints);
        }
    }

    private static void closeQuietly(MiniCluster cluster) {
        try {
            cluster.close();
        } catch (Exception ignored) {
            // Already failing: the start error is the one to report.
        }
    }
}
