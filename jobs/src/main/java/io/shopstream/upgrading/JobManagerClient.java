package io.shopstream.upgrading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The parts of a Flink JobManager's REST API (the one the dashboard and {@code flink} use, Flink 1.20) that an
 * upgrade needs: jobs and their state, stop-with-savepoint, jar upload and run, checkpoints, failures. Errors keep
 * Flink's innermost cause; an address nothing answers at is a {@link JobManagerUnavailableException}.
 */
public final class JobManagerClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The REST API's own default savepoint format; named so a cluster's different default cannot surprise. */
    private static final String SAVEPOINT_FORMAT = "CANONICAL";

    private final URI address;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public JobManagerClient(URI address) {
        this.address = address;
    }

    public URI address() {
        return address;
    }

    /** The cluster's Flink version, e.g. {@code 1.20.3}: also the check that a JobManager answers at all. */
    public String flinkVersion() {
        return get("/overview").path("flink-version").asText("unknown");
    }

    /** Every job the JobManager knows, running or not. */
    public List<FlinkJob> jobs() {
        List<FlinkJob> jobs = new ArrayList<>();
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            jobs.add(new FlinkJob(job.path("jid").asText(), job.path("name").asText(), job.path("state").asText()));
        }
        return jobs;
    }

    public FlinkJob job(String jobId) {
        JsonNode job = get("/jobs/" + jobId);
        return new FlinkJob(jobId, job.path("name").asText(), job.path("state").asText());
    }

    /** A value of the JobManager's configuration, e.g. its default savepoint directory. */
    public Optional<String> clusterOption(String key) {
        for (JsonNode option : get("/jobmanager/config")) {
            if (option.path("key").asText().equals(key)) {
                return Optional.of(option.path("value").asText());
            }
        }
        return Optional.empty();
    }

    /**
     * Asks the job to stop with a savepoint ({@code drain}: first emit the final watermark, closing every window);
     * returns the request's id for {@link #savepointStatus}.
     *
     * @param targetDirectory where the savepoint goes; empty for the cluster's default savepoint directory
     */
    public String stopWithSavepoint(String jobId, Optional<String> targetDirectory, boolean drain) {
        ObjectNode body = JSON.createObjectNode().put("drain", drain).put("formatType", SAVEPOINT_FORMAT);
        targetDirectory.ifPresent(directory -> body.put("targetDirectory", directory));
        return post("/jobs/" + jobId + "/stop", body, REQUEST_TIMEOUT).path("request-id").asText();
    }

    public SavepointStatus savepointStatus(String jobId, String requestId) {
        JsonNode answer = get("/jobs/" + jobId + "/savepoints/" + requestId);
        if (!answer.path("status").path("id").asText().equals("COMPLETED")) {
            return SavepointStatus.inProgress();
        }
        JsonNode operation = answer.path("operation");
        if (operation.hasNonNull("location")) {
            return SavepointStatus.completedAt(operation.path("location").asText());
        }
        JsonNode failure = operation.path("failure-cause");
        return SavepointStatus.failedWith(FlinkErrorText.innermostCause(
                failure.path("stack-trace").asText(failure.path("class").asText("unknown failure"))));
    }

    /** Uploads a jar ({@code POST /jars/upload}); returns its id on the JobManager. */
    public String uploadJar(Path jar, Duration timeout) {
        String boundary = "shopstream-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                + "Content-Type: application/x-java-archive\r\n\r\n";
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                    HttpRequest.BodyPublishers.ofFile(jar),
                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + jar + ": " + e.getMessage(), e);
        }
        JsonNode answer = send(HttpRequest.newBuilder(address.resolve("/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body), "POST /jars/upload", timeout);
        String file = answer.path("filename").asText();
        return Path.of(file).getFileName().toString();
    }

    /**
     * Runs an uploaded jar's main method in the JobManager ({@code POST /jars/:id/run}) with {@code arguments},
     * restoring {@code savepoint} when given (restore mode NO_CLAIM: the savepoint stays valid whatever the new job
     * does); returns the id of the job it submitted.
     */
    public String runJar(String jarId, List<String> arguments, Optional<String> savepoint, Duration timeout) {
        ObjectNode body = JSON.createObjectNode();
        arguments.forEach(body.putArray("programArgsList")::add);
        savepoint.ifPresent(path -> body.put("savepointPath", path).put("restoreMode", "NO_CLAIM"));
        body.put("allowNonRestoredState", false);
        return post("/jars/" + jarId + "/run", body, timeout).path("jobid").asText();
    }

    public void deleteJar(String jarId) {
        send(HttpRequest.newBuilder(address.resolve("/jars/" + jarId)).DELETE(), "DELETE /jars/" + jarId,
                REQUEST_TIMEOUT);
    }

    public CheckpointCounts checkpoints(String jobId) {
        JsonNode answer = get("/jobs/" + jobId + "/checkpoints");
        JsonNode failed = answer.path("latest").path("failed");
        return new CheckpointCounts(answer.path("counts").path("completed").asInt(),
                answer.path("counts").path("failed").asInt(),
                failed.hasNonNull("failure_message") ? Optional.of(failed.path("failure_message").asText())
                        : Optional.empty());
    }

    /** Why the job failed or last restarted, from its exception history; empty when it has none. */
    public Optional<String> latestFailure(String jobId) {
        JsonNode answer = get("/jobs/" + jobId + "/exceptions?maxExceptions=1");
        JsonNode entries = answer.path("exceptionHistory").path("entries");
        if (entries.size() > 0) {
            return Optional.of(FlinkErrorText.innermostCause(entries.get(0).path("stacktrace").asText()));
        }
        String root = answer.path("root-exception").asText("");
        return root.isBlank() ? Optional.empty() : Optional.of(FlinkErrorText.innermostCause(root));
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(address.resolve(path)).GET(), "GET " + path, REQUEST_TIMEOUT);
    }

    private JsonNode post(String path, JsonNode body, Duration timeout) {
        return send(HttpRequest.newBuilder(address.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "POST " + path, timeout);
    }

    private JsonNode send(HttpRequest.Builder request, String what, Duration timeout) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new JobManagerUnavailableException("no Flink JobManager answers at " + address + " (" + what + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + "): is the cluster up, and is this its REST address (the dashboard's, e.g."
                    + " http://localhost:8081)?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobManagerUnavailableException("interrupted while waiting for " + what + " at " + address, e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new JobManagerRequestException("the JobManager at " + address + " refused " + what + " (HTTP "
                    + response.statusCode() + "): " + errors(answer, response.body()), response.statusCode());
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            return JSON.createObjectNode();
        }
    }

    /** Flink's {@code {"errors": [...]}}: the innermost cause of the most detailed entry. */
    private static String errors(JsonNode answer, String body) {
        String detailed = "";
        for (JsonNode error : answer.path("errors")) {
            if (error.asText().length() > detailed.length()) {
                detailed = error.asText();
            }
        }
        return detailed.isEmpty() ? body.strip() : FlinkErrorText.innermostCause(detailed);
    }
}
