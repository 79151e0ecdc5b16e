package io.shopstream.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.bootstrap.JavaProcess;
import io.shopstream.bootstrap.NestedRuntime;
import io.shopstream.bootstrap.SoloMainClass;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A standalone Flink session cluster on loopback, as a Flink distribution's {@code start-cluster.sh} would start it:
 * a JobManager JVM ({@code StandaloneSessionClusterEntrypoint}) and a TaskManager JVM ({@code TaskManagerRunner}),
 * both reading {@code conf/config.yaml} of the cluster's directory, their classpath the {@code flink} runtime the
 * bundle carries (Flink 1.20 from Maven Central) and their JVM options what Flink derives from the memory settings,
 * as the distribution's scripts do. Jobs reach it only as they reach any session cluster: through the REST API or
 * the Flink command-line client pointed at {@link #configDirectory()}.
 *
 * <p>REST listens on the requested port (or a free one); every other port is free or picked by the OS. Checkpoints
 * and savepoints are files under the directory. {@link #close()} stops the TaskManager, then the JobManager; both
 * also stop when this JVM dies, since they watch their stdin. The TaskManager can be killed
 * ({@link #killTaskManager()}) and replaced ({@link #startTaskManager()}), as a supervisor replaces a crashed pod.
 */
public final class StandaloneFlinkCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String JOB_MANAGER_MAIN =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Enough heap for the JobManager to plan SQL programs run through REST; Flink's metaspace default. */
    private static final MemorySize JOB_MANAGER_HEAP = MemorySize.parse("512m");
    /**
     * About 560 MB of heap. Managed memory is RocksDB's, which these jobs do not use here, and the window aggregates'
     * buffers, which flush early when it is short (1 GB instead of the embedded cluster's 128 MB measured no faster).
     */
    private static final MemorySize TASK_MANAGER_PROCESS = MemorySize.parse("1280m");
    private static final MemorySize TASK_MANAGER_MANAGED = MemorySize.parse("64m");

    private final Path directory;
    private final int restPort;
    private final int slots;
    private ServerProcess jobManager;
    private ServerProcess taskManager;
    private Configuration configuration;
    private List<Path> classpath;
    private Path logConfig;
    private int taskManagers;

    private StandaloneFlinkCluster(Path directory, int restPort, int slots) {
        this.directory = directory;
        this.restPort = restPort;
        this.slots = slots;
    }

    /**
     * Starts the cluster in {@code directory} (its configuration, logs, checkpoints, savepoints and temporary files)
     * and waits until the TaskManager has registered its slots.
     *
     * @param restPort the REST and dashboard port, or 0 for a free one
     * @param slots task slots of the one TaskManager: every job of parallelism 1 takes one
     * @param jobManagerEnvironment added to the JobManager's environment: a program run through REST
     *     ({@code POST /jars/:id/run}) runs its main method in the JobManager and reads its environment there
     */
    public static StandaloneFlinkCluster start(Path directory, int restPort, int slots,
            Map<String, String> jobManagerEnvironment) {
        StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(directory,
                LocalPorts.claim(restPort, "Flink dashboard and REST API, --flink-port"), slots);
        try {
            cluster.launch(jobManagerEnvironment);
            cluster.awaitSlots();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The REST endpoint and dashboard, e.g. {@code http://127.0.0.1:8081}. */
    public URI restAddress() {
        return URI.create("http://127.0.0.1:" + restPort);
    }

    /** The directory holding {@code config.yaml}: what {@code FLINK_CONF_DIR} of a Flink client names. */
    public Path configDirectory() {
        return directory.resolve("conf");
    }

    /** Where savepoints go when a request names no directory ({@code execution.checkpointing.savepoint-dir}). */
    public Path savepointDirectory() {
        return directory.resolve("savepoints");
    }

    public Path jobManagerLog() {
        return directory.resolve("jobmanager.log");
    }

    public Path taskManagerLog() {
        return directory.resolve("taskmanager.log");
    }

    /**
     * Kills the TaskManager JVM with SIGKILL, as a crash or an OOM-killed pod would, and waits until it is gone. Its
     * tasks die with it, without a chance to finish anything; the JobManager notices within seconds (its heartbeats
     * fail) and fails their jobs over, waiting for slots.
     *
     * @return the process id of the killed JVM
     */
    public long killTaskManager() {
        long pid = taskManager.pid();
        taskManager.kill();
        return pid;
    }

    /**
     * Starts a new TaskManager JVM, as the one before (logging to the same file), and waits until it has registered
     * its slots with the JobManager.
     *
     * @return the new TaskManager's resource id, as the JobManager lists it
     */
    public String startTaskManager() {
        try {
            String id = launchTaskManager();
            awaitTaskManager(id);
            return id;
        } catch (IOException e) {
            throw new LocalStackException("could not start a TaskManager in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Stops the TaskManager, then the JobManager, as {@code stop-cluster.sh} does. */
    @Override
    public void close() {
        if (taskManager != null) {
            taskManager.stop(STOP_TIMEOUT);
        }
        if (jobManager != null) {
            jobManager.stop(STOP_TIMEOUT);
        }
    }

    private void launch(Map<String, String> jobManagerEnvironment) {
        try {
            configuration = configuration();
            Path conf = configDirectory();
            FlinkConfigFile.write(conf, configuration.toMap());
            logConfig = ServerProcess.writeLogConfig(conf, Map.of(
                    "org.apache.flink.runtime.entrypoint", "INFO",
                    "org.apache.flink.runtime.dispatcher", "INFO",
                    "org.apache.flink.runtime.jobmaster.JobMaster", "INFO",
                    "org.apache.flink.runtime.executiongraph.ExecutionGraph", "INFO",
                    "org.apache.flink.runtime.checkpoint.CheckpointCoordinator", "INFO",
                    "org.apache.flink.runtime.taskexecutor.TaskExecutor", "INFO",
                    "org.apache.flink.client.ClientUtils", "INFO"));
            classpath = new ArrayList<>();
            classpath.add(SoloMainClass.copy(FlinkProcessMain.class, directory.resolve("classes")));
            classpath.addAll(NestedRuntime.named("flink", StandaloneFlinkCluster.class.getClassLoader()).jars());

            JobManagerProcessSpec jobManagerSpec = JobManagerProcessUtils
                    .processSpecFromConfigWithNewOptionToInterpretLegacyHeap(configuration,
                            JobManagerOptions.JVM_HEAP_MEMORY);
            jobManager = startProcess(JOB_MANAGER_MAIN, classpath, logConfig, jobManagerLog(),
                    JobManagerProcessUtils.generateJvmParametersStr(jobManagerSpec, configuration),
                    JobManagerProcessUtils.generateDynamicConfigsStr(jobManagerSpec), jobManagerEnvironment);
            launchTaskManager();
        } catch (IOException e) {
            throw new LocalStackException("could not start the Flink cluster in " + directory + ": " + e.getMessage(),
                    e);
        }
    }

    /** Starts a TaskManager JVM with a resource id of its own ({@code taskmanager-N}), which it returns. */
    private String launchTaskManager() throws IOException {
        String id = "taskmanager-" + ++taskManagers;
        TaskExecutorProcessSpec taskManagerSpec = TaskExecutorProcessUtils.processSpecFromConfig(configuration);
        taskManager = startProcess(TASK_MANAGER_MAIN, classpath, logConfig, taskManagerLog(),
                ProcessMemoryUtils.generateJvmParametersStr(taskManagerSpec),
                TaskExecutorProcessUtils.generateDynamicConfigsStr(taskManagerSpec) + " -D "
                        + TaskManagerOptions.TASK_MANAGER_RESOURCE_ID.key() + "=" + id, Map.of());
        return id;
    }

    private Configuration configuration() throws IOException {
        Configuration configuration = new Configuration();
        configuration.set(JobManagerOptions.ADDRESS, "127.0.0.1");
        configuration.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
        configuration.set(JobManagerOptions.PORT, LocalPorts.free());
        configuration.set(JobManagerOptions.JVM_HEAP_MEMORY, JOB_MANAGER_HEAP);
        configuration.set(TaskManagerOptions.HOST, "127.0.0.1");
        configuration.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        configuration.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, TASK_MANAGER_PROCESS);
        configuration.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, TASK_MANAGER_MANAGED);
        configuration.set(RestOptions.ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.PORT, restPort);
        // The blob server, the TaskManager's RPC and data ports keep their default 0: any free port, told to the
        // others through the JobManager.
        // A TaskManager that is gone is noticed within seconds: its heartbeat requests fail at once, and two failed
        // ones (heartbeat.rpc-failure-threshold) mark it lost. The 10 s / 50 s defaults would keep failed-over jobs
        // waiting for most of a minute.
        configuration.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
        configuration.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(20));
        configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directoryUri("checkpoints"));
        configuration.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepointDirectory().toUri().toString());
        String temporary = Files.createDirectories(directory.resolve("tmp")).toString();
        configuration.set(CoreOptions.TMP_DIRS, temporary);
        configuration.set(WebOptions.TMP_DIR, temporary);
        return configuration;
    }

    private String directoryUri(String name) throws IOException {
        return Files.createDirectories(directory.resolve(name)).toUri().toString();
    }

    private ServerProcess startProcess(String mainClass, List<Path> classpath, Path logConfig, Path log,
            String jvmParameters, String dynamicConfiguration, Map<String, String> environment) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(mainClass, "--configDir", configDirectory().toString()));
        arguments.addAll(JavaProcess.splitOptions(dynamicConfiguration));
        List<String> command = JavaProcess.of(FlinkProcessMain.class.getName())
                .options(JavaProcess.FLINK_JAVA17_OPTIONS)
                .options(JavaProcess.splitOptions(jvmParameters))
                .option("-Dlog4j2.configurationFile=" + logConfig.toUri())
                // The dashboard shows the file `log.file` names as the process's log.
                .option("-Dlog.file=" + log)
                .classpath(classpath)
                .command(arguments);
        return ServerProcess.start(command, log, Optional.of(directory), environment);
    }

    private void awaitSlots() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        boolean ready = Deadline.in(START_TIMEOUT).until(() -> {
            requireAlive(jobManager, "the Flink JobManager, starting,");
            requireAlive(taskManager, "the Flink TaskManager, starting,");
            return overview(http).map(overview -> overview.path("taskmanagers").asInt() >= 1
                    && overview.path("slots-total").asInt() >= slots).orElse(false);
        });
        if (!ready) {
            throw new LocalStackException("the Flink cluster did not offer " + slots + " slots within "
                    + START_TIMEOUT.toSeconds() + " s; see " + jobManagerLog() + " and " + taskManagerLog());
        }
    }

    private void awaitTaskManager(String id) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        boolean ready = Deadline.in(START_TIMEOUT).until(() -> {
            requireAlive(taskManager, "the Flink TaskManager, starting,");
            return get(http, "/taskmanagers").map(list -> {
                for (JsonNode taskManager : list.path("taskmanagers")) {
                    if (taskManager.path("id").asText().equals(id)) {
                        return true;
                    }
                }
                return false;
            }).orElse(false);
        });
        if (!ready) {
            throw new LocalStackException("the new TaskManager " + id + " did not register within "
                    + START_TIMEOUT.toSeconds() + " s; see " + taskManagerLog());
        }
    }

    private static void requireAlive(ServerProcess process, String what) {
        if (!process.isAlive()) {
            throw new LocalStackException(process.exitReport(what));
        }
    }

    private Optional<JsonNode> overview(HttpClient http) {
        return get(http, "/overview");
    }

    private Optional<JsonNode> get(HttpClient http, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(restAddress().resolve(path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        Map<String, Long> pids = new LinkedHashMap<>();
        Optional.ofNullable(jobManager).ifPresent(process -> pids.put("JobManager", process.pid()));
        Optional.ofNullable(taskManager).ifPresent(process -> pids.put("TaskManager", process.pid()));
        return "Flink session cluster at " + restAddress() + " " + pids;
    }
}
