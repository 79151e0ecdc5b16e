package io.shopstream.localstack;

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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Apache Pinot 0.11 (ZooKeeper, controller, broker and server) in one child JVM on loopback, its classpath the
 * {@code pinot} runtime the bundle carries. It stops in order (server, broker, controller, ZooKeeper) when
 * {@link #close()} is called, and also when this JVM dies, since it watches its stdin.
 */
public final class PinotCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final int controllerPort;
    private final int brokerPort;
    private ServerProcess process;

    private PinotCluster(Path directory, int controllerPort, int brokerPort) {
        this.directory = directory;
        this.controllerPort = controllerPort;
        this.brokerPort = brokerPort;
    }

    /**
     * Starts Pinot keeping its data in {@code directory} and waits until it takes tables and queries.
     *
     * @param controllerPort the controller's REST port, or 0 for a free one
     * @param brokerPort the broker's query port, or 0 for a free one
     */
    public static PinotCluster start(Path directory, int controllerPort, int brokerPort) {
        PinotCluster pinot = new PinotCluster(directory,
                LocalPorts.claim(controllerPort, "Pinot controller, --pinot-controller-port"),
                LocalPorts.claim(brokerPort, "Pinot broker, --pinot-broker-port"));
        pinot.launch();
        return pinot;
    }

    /** The controller's REST API (schemas, tables) and web console, e.g. {@code http://127.0.0.1:9000}. */
    public URI controller() {
        return URI.create("http://127.0.0.1:" + controllerPort);
    }

    /** The broker's query endpoint host and port, e.g. {@code 127.0.0.1:8099}. */
    public String broker() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Pinot's own log: where to look when it misbehaves. */
    public Path logFile() {
        return directory.resolve("pinot.log");
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(STOP_TIMEOUT);
        }
    }

    private void launch() {
        try {
            Files.createDirectories(directory);
            List<String> command = JavaProcess.of(PinotMain.class.getName())
                    .options(List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-Duser.timezone=UTC",
                            "-Dlog4j2.configurationFile=" + ServerProcess.writeLogConfig(directory,
                                    // Helix reports the empty cluster as an error while instances register.
                                    Map.of("org.apache.helix", "OFF")).toUri()))
                    .classpath(SoloMainClass.copy(PinotMain.class, directory.resolve("classes")))
                    .classpath(NestedRuntime.named("pinot", PinotCluster.class.getClassLoader()).jars())
                    .command(List.of(directory.toString(), String.valueOf(LocalPorts.free()),
                            String.valueOf(controllerPort), String.valueOf(brokerPort),
                            String.valueOf(LocalPorts.free()), String.valueOf(LocalPorts.free())));
            process = ServerProcess.start(command, logFile());
        } catch (IOException e) {
            throw new LocalStackException("could not start Pinot: " + e.getMessage(), e);
        }
        awaitReady();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        boolean ready = Deadline.in(START_TIMEOUT).until(() -> {
            if (!process.isAlive()) {
                throw new LocalStackException(process.exitReport("Pinot, starting,"));
            }
            // Tables need the server registered under the default tenant, not only the services up.
            return answers(http, URI.create("http://" + broker() + "/health"), body -> true)
                    && answers(http, controller().resolve("/tenants"),
                            body -> body.replace(" ", "").contains("\"SERVER_TENANTS\":[\"DefaultTenant\"]"));
        });
        if (!ready) {
            close();
            throw new LocalStackException("Pinot did not answer within " + START_TIMEOUT.toSeconds() + " s; see "
                    + logFile());
        }
    }

    private static boolean answers(HttpClient http, URI uri, Predicate<String> body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && body.test(response.body());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
