package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.localstack.Deadline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code local} as a newcomer runs it: a broker, Flink with its dashboard, Pinot, every pipeline and the generator,
 * live figures read from Pinot, {@code pinot query} against it, and a clean stop on SIGTERM that leaves no process
 * and no data behind.
 */
class BundleJarLocalIT {

    private static final Pattern DASHBOARD = Pattern.compile("Flink dashboard at (http://\\S+?),");
    private static final Pattern PINOT_BROKER = Pattern.compile("Pinot console at \\S+, broker (\\S+) ");
    private static final Pattern ACTIVE_USERS = Pattern.compile("active users\\s+\\d\\d:\\d\\d\\s+([\\d,]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workingDirectory;

    @Test
    void runsEveryPipelineShowsLiveFiguresAndStopsCleanly() throws Exception {
        Path dataDirectory = workingDirectory.resolve("data");
        try (BundleJar.Running local = BundleJar.start(workingDirectory, "local", "--kafka-port", "0",
                "--flink-port", "0", "--pinot-controller-port", "0", "--pinot-broker-port", "0", "--data-dir",
                dataDirectory.toString(), "--summary-every", "2s")) {
            Optional<String> figures = Deadline.in(Duration.ofMinutes(3)).poll(() -> {
                assertThat(local.process().isAlive()).as("local is running").isTrue();
                String stdout = local.stdoutText();
                Matcher users = ACTIVE_USERS.matcher(stdout);
                boolean activeUsers = false;
                while (users.find()) {
                    activeUsers |= !users.group(1).equals("0");
                }
                return activeUsers && stdout.contains("top viewed") ? Optional.of(stdout) : Optional.empty();
            });
            assertThat(figures).as("live figures within 3 minutes\n" + local.stderrText()).isPresent();
            assertThat(local.stderrText()).contains("Figures from Pinot (active_users_1m_v1, product_metrics_1m_v1,"
                    + " session_metrics_v3).");
            assertThat(Files.isDirectory(dataDirectory.resolve("kafka"))).isTrue();
            assertThat(Files.isDirectory(dataDirectory.resolve("pinot"))).isTrue();

            Matcher broker = PINOT_BROKER.matcher(local.stderrText());
            assertThat(broker.find()).as(local.stderrText()).isTrue();
            // One consistent snapshot: with the upsert, every row is a session; the history holds more rows.
            List<String> latest = queryPinot(broker.group(1),
                    "select count(*), distinctcount(session_id) from session_metrics");
            List<String> history = queryPinot(broker.group(1),
                    "select count(*), distinctcount(session_id) from session_metrics option(skipUpsert=true)");
            assertThat(Long.parseLong(latest.get(0))).as("sessions in Pinot").isPositive()
                    .isEqualTo(Long.parseLong(latest.get(1)));
            assertThat(Long.parseLong(history.get(0))).as("session rows with their history")
                    .isGreaterThan(Long.parseLong(history.get(1)));

            Matcher dashboard = DASHBOARD.matcher(local.stderrText());
            assertThat(dashboard.find()).as(local.stderrText()).isTrue();
            URI flink = URI.create(dashboard.group(1));
            assertThat(checkpointStorages(flink)).as("checkpoints in files, not limited to 5 MB in memory")
                    .containsOnly("FileSystemCheckpointStorage").hasSize(4);
            assertThat(jobStates(flink)).containsExactly(
                    Map.entry("active_users_1m@v1", "RUNNING"),
                    Map.entry("dead_letters@v1", "RUNNING"),
                    Map.entry("product_metrics_1m@v1", "RUNNING"),
                    Map.entry("session_metrics@v3", "RUNNING"));

            List<ProcessHandle> processes = new ArrayList<>(local.process().descendants().toList());
            processes.add(local.process().toHandle());
            assertThat(processes).as("the launcher and the broker run in JVMs of their own").hasSizeGreaterThan(2);
            local.process().destroy();

            assertThat(local.process().waitFor(90, TimeUnit.SECONDS)).as(local.stderrText()).isTrue();
            assertThat(Deadline.in(Duration.ofSeconds(30)).until(
                    () -> processes.stream().noneMatch(ProcessHandle::isAlive)))
                    .as("no process left behind").isTrue();
            assertThat(local.stderrText()).contains("Stopping...").doesNotContain("Exception");
            assertThat(dataDirectory).doesNotExist();
        }
    }

    /** The one row {@code pinot query} prints for {@code sql}, cell by cell. */
    private List<String> queryPinot(String broker, String sql) throws Exception {
        // 5 s on an idle machine; a JVM that loads Pinot's client takes minutes when the machine is overloaded.
        BundleJar.Result result = BundleJar.run(workingDirectory, Duration.ofMinutes(4), "pinot", "query",
                "--broker", broker, sql);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).as(result.toString()).hasSize(3);
        return List.of(lines.get(2).trim().split("\\s*\\|\\s*"));
    }

    private static Map<String, String> jobStates(URI flink) throws Exception {
        Map<String, String> states = new TreeMap<>();
        for (JsonNode job : get(flink, "/jobs/overview").get("jobs")) {
            states.put(job.get("name").asText(), job.get("state").asText());
        }
        return states;
    }

    private static List<String> checkpointStorages(URI flink) throws Exception {
        List<String> storages = new ArrayList<>();
        for (JsonNode job : get(flink, "/jobs/overview").get("jobs")) {
            storages.add(get(flink, "/jobs/" + job.get("jid").asText() + "/checkpoints/config")
                    .path("checkpoint_storage").asText());
        }
        return storages;
    }

    private static JsonNode get(URI flink, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(flink.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
