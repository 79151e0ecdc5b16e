package io.shopstream.upgrading;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A stand-in for a JobManager's REST API on loopback, answering each {@code METHOD /path} (query left out) as a test
 * scripts it, and recording what was asked: the upgrade's HTTP, JSON and messages are exercised without a cluster.
 * Unscripted requests get Flink's 404 answer.
 */
final class FakeJobManager implements AutoCloseable {

    record Answer(int status, String body) {
        static Answer ok(String body) {
            return new Answer(200, body);
        }
    }

    private final HttpServer server;
    private final Map<String, Supplier<Answer>> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    FakeJobManager() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            try (InputStream body = exchange.getRequestBody()) {
                bodies.put(key, new String(body.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
            requests.add(key);
            Answer answer = routes.getOrDefault(key,
                    () -> new Answer(404, "{\"errors\":[\"Not found: " + key + "\"]}")).get();
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        answer("GET /overview", () -> Answer.ok("{\"flink-version\":\"1.20.3\"}"));
    }

    URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void answer(String request, Supplier<Answer> answer) {
        routes.put(request, answer);
    }

    void answer(String request, String json) {
        answer(request, () -> Answer.ok(json));
    }

    /** The requests received so far, as {@code METHOD /path}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The body of the last {@code request} received (bytes as ISO-8859-1 text), or null. */
    String body(String request) {
        return bodies.get(request);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
