package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.localstack.PinotCluster;
import io.shopstream.pinot.PinotTable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's Pinot configs as a real Pinot 0.11 takes them: every schema and REALTIME table is accepted by the
 * controller, consuming the pipelines' output topics on a real broker, and Pinot stops with nothing left running.
 */
class PinotTablesIT {

    private static final Path CONFIGS = Path.of("..", "pinot-schemas").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void pinotAcceptsEverySchemaAndTable() throws Exception {
        SharedStack stack = SharedStack.get();
        String prefix = SharedStack.uniquePrefix("pinot");
        List<PinotTable> tables = PinotTable.loadAll(CONFIGS);
        Set<String> topics = new LinkedHashSet<>();
        tables.forEach(table -> topics.add(table.topic(prefix).orElseThrow()));
        stack.kafka.createTopics(topics, 4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Set<ProcessHandle> before = ProcessHandle.current().descendants().collect(Collectors.toSet());
        List<ProcessHandle> pinotProcesses;
        try (PinotCluster pinot = PinotCluster.start(directory.resolve("pinot"), 0, 0)) {
            pinotProcesses = ProcessHandle.current().descendants().filter(process -> !before.contains(process))
                    .toList();
            for (PinotTable table : tables) {
                String schema = Files.readString(table.folder().resolve("schema.json"));
                String config = Files.readString(table.folder().resolve("table.json"))
                        .replace("${TOPIC_PREFIX}", prefix)
                        .replace("${KAFKA_BOOTSTRAP_SERVERS}", stack.kafka.bootstrapServers());
                assertThat(post(http, pinot.controller().resolve("/schemas"), schema))
                        .contains(table.name() + " successfully added");
                assertThat(post(http, pinot.controller().resolve("/tables"), config))
                        .contains("Table " + table.name() + "_REALTIME successfully added");
            }
            JsonNode listed = JSON.readTree(http.send(HttpRequest.newBuilder(pinot.controller().resolve("/tables"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            List<String> names = new ArrayList<>();
            listed.get("tables").forEach(name -> names.add(name.asText()));
            assertThat(names).containsExactlyInAnyOrderElementsOf(tables.stream().map(PinotTable::name).toList());
        }
        assertThat(pinotProcesses).as("Pinot runs in a JVM of its own").isNotEmpty();
        assertThat(pinotProcesses).as("Pinot stopped").noneMatch(ProcessHandle::isAlive);
    }

    private static String post(HttpClient http, URI uri, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + " answered " + response.body()).isEqualTo(200);
        return response.body();
    }
}
