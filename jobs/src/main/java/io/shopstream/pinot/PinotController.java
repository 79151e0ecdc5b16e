package io.shopstream.pinot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Pinot controller's REST API, as far as tables as code need it: its version; read, create and update schemas and
 * REALTIME table configs. Pinot's own message is kept when it refuses something; HTTP/1.1, which Pinot's Jersey server
 * speaks.
 */
public final class PinotController implements TablesAsCode.Controller {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI address;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Optional<String> authorization;

    public PinotController(URI address) {
        this(address, Optional.empty());
    }

    /** A controller whose API wants {@code authorization} as the {@code Authorization} header of every request. */
    public PinotController(URI address, Optional<String> authorization) {
        this.address = address;
        this.authorization = authorization;
    }

    /**
     * The Pinot version the controller runs, e.g. {@code 1.2.0-cc33ac5...}, as {@code GET /version} says: a map of
     * Pinot jar to version, from the manifests of the jars on the controller's classpath. The controller's own jar
     * is listed where Pinot runs from Maven's jars, the distribution's in the release tarball and Docker image;
     * empty when neither is listed.
     */
    public Optional<String> version() {
        return get("/version").flatMap(PinotController::versionOf);
    }

    static Optional<String> versionOf(JsonNode versions) {
        return Stream.of("pinot-controller", "pinot-distribution").map(jar -> versions.path(jar).asText(""))
                .filter(version -> !version.isEmpty()).findFirst();
    }

    /** The schema named {@code name}, if the controller has it. */
    @Override
    public Optional<JsonNode> schema(String name) {
        return get("/schemas/" + name);
    }

    /** The REALTIME config of table {@code name}, if the controller has it. */
    @Override
    public Optional<JsonNode> realtimeTable(String name) {
        return get("/tables/" + name + "?type=realtime").map(tables -> tables.path("REALTIME"))
                .filter(table -> !table.isMissingNode());
    }

    @Override
    public void createSchema(JsonNode schema) {
        send("POST", "/schemas", schema);
    }

    @Override
    public void updateSchema(String name, JsonNode schema) {
        send("PUT", "/schemas/" + name, schema);
    }

    @Override
    public void createTable(JsonNode table) {
        send("POST", "/tables", table);
    }

    @Override
    public void updateTable(String name, JsonNode table) {
        send("PUT", "/tables/" + name, table);
    }

    private Optional<JsonNode> get(String path) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(address.resolve(path)).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        requireSuccess(response, "GET " + path);
        try {
            return Optional.of(JSON.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new PinotConfigException("the Pinot controller at " + address + " answered GET " + path
                    + " with something that is not JSON: " + response.body());
        }
    }

    private void send(String method, String path, JsonNode body) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(address.resolve(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString())));
        requireSuccess(response, method + " " + path);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            authorization.ifPresent(value -> request.header("Authorization", value));
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PinotUnavailableException("no Pinot controller answers at " + address + " (" + e + "): is it"
                    + " running? (`local` starts one; --controller sets where)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PinotUnavailableException("interrupted while talking to the Pinot controller at " + address);
        }
    }

    private void requireSuccess(HttpResponse<String> response, String request) {
        if (response.statusCode() / 100 != 2) {
            String message = response.body();
            try {
                message = JSON.readTree(message).path("error").asText(message);
            } catch (JsonProcessingException notJson) {
                // Pinot's answer as it is.
            }
            throw new PinotConfigException("the Pinot controller at " + address + " refused " + request + " (HTTP "
                    + response.statusCode() + "): " + message);
        }
    }
}
