package io.shopstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** What the failure tests read from a Flink REST API beyond the product's own client: checkpoints, failovers. */
final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FlinkRest() {}

    /** The JSON answer to {@code GET path}; a failed request fails the test. */
    static JsonNode get(URI rest, String path) {
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(rest.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return JSON.readTree(body);
            }
        } catch (IOException e) {
            throw new AssertionError("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** How many times each job failed over (its exception history, up to 20), for jobs given as name to id. */
    static Map<String, Integer> failovers(URI rest, Map<String, String> jobIds) {
        Map<String, Integer> failovers = new TreeMap<>();
        jobIds.forEach((name, id) -> failovers.put(name, get(rest, "/jobs/" + id + "/exceptions?maxExceptions=20")
                .path("exceptionHistory").path("entries").size()));
        return failovers;
    }
}
