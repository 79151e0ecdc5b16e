package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.localstack.PinotCluster;
import io.shopstream.pinot.PinotController;
import io.shopstream.pinot.PinotTable;
import io.shopstream.testing.RepositorySql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's Pinot configs as a real Pinot 0.11 takes them, through {@code pinot apply} of the bundle jar: a dry
 * run changes nothing, the first apply creates every schema and REALTIME table (consuming a real broker's topics), the
 * second finds nothing to do, a config Pinot refuses is reported with Pinot's own words; {@code pinot query} answers
 * as a table, names a table by its pipeline, reports a refused query in Pinot's words and a broker that is not
 * there; Pinot stops with nothing left running.
 */
class PinotTablesIT {

    private static final Path CONFIGS = RepositorySql.PINOT_SCHEMAS;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path directory;

    @Test
    void applyCreatesEverySchemaAndTableOnceAndReportsRefusals() throws Exception {
        SharedStack stack = SharedStack.get();
        String prefix = SharedStack.uniquePrefix("pinot");
        List<PinotTable> tables = PinotTable.loadAll(CONFIGS);
        Set<String> topics = new LinkedHashSet<>();
        tables.forEach(table -> topics.add(table.topic(prefix).orElseThrow()));
        stack.kafka.createTopics(topics, 4);
        List<String> names = tables.stream().map(PinotTable::name).toList();

        Set<ProcessHandle> before = ProcessHandle.current().descendants().collect(Collectors.toSet());
        List<ProcessHandle> pinotProcesses;
        try (PinotCluster pinot = PinotCluster.start(directory.resolve("pinot"), 0, 0)) {
            pinotProcesses = ProcessHandle.current().descendants().filter(process -> !before.contains(process))
                    .toList();
            String[] apply = {"pinot", "apply", "--controller", pinot.controller().toString(), "--pinot-dir",
                CONFIGS.toString(), "--topic-prefix", prefix, "--bootstrap-servers", stack.kafka.bootstrapServers()};

            BundleJar.Result dryRun = BundleJar.run(directory, TIMEOUT, append(apply,
                    "--dry-run"));
            assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
            assertThat(dryRun.stdout().lines()).containsExactlyElementsOf(lines("would create", names));
            PinotController controller = new PinotController(pinot.controller());
            assertThat(names).allMatch(name -> controller.schema(name).isEmpty());

            BundleJar.Result first = BundleJar.run(directory, TIMEOUT, apply);
            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(first.stdout().lines()).containsExactlyElementsOf(lines("create", names));
            assertThat(names).allMatch(name -> controller.realtimeTable(name).isPresent());

            BundleJar.Result second = BundleJar.run(directory, TIMEOUT, apply);
            assertThat(second.stdout().lines()).as(second.toString())
                    .containsExactlyElementsOf(lines("unchanged", names));

            Path broken = directory.resolve("broken");
            Files.createDirectories(broken.resolve("orders_v1"));
            Files.copy(CONFIGS.resolve("active_users_1m_v1/schema.json"), broken.resolve("orders_v1/schema.json"));
            Files.writeString(broken.resolve("orders_v1/table.json"), Files.readString(
                    CONFIGS.resolve("active_users_1m_v1/table.json")).replace("\"timeColumnName\": \"window_start\"",
                    "\"timeColumnName\": \"placed_at\""));
            apply[5] = broken.toString();
            BundleJar.Result refused = BundleJar.run(directory, TIMEOUT, apply);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.stderr()).contains("error: the Pinot controller at " + pinot.controller()
                    + " refused PUT /tables/active_users_1m_v1 (HTTP 400)").contains("placed_at")
                    .doesNotContain("Exception");

            BundleJar.Result count = BundleJar.run(directory, TIMEOUT, "pinot", "query", "--broker", pinot.broker(),
                    "select count(*) from active_users_1m");
            assertThat(count.exitCode()).as(count.toString()).isZero();
            assertThat(count.stdout().lines()).containsExactly("count(*)", "--------", "       0");
            assertThat(count.stderr()).contains("Querying: select count(*) from active_users_1m_v1");
            BundleJar.Result unknownColumn = BundleJar.run(directory, TIMEOUT, "pinot", "query", "--broker",
                    pinot.broker(), "select placed_at from session_metrics");
            assertThat(unknownColumn.exitCode()).as(unknownColumn.toString()).isEqualTo(1);
            assertThat(unknownColumn.stderr()).contains("error: the Pinot broker at " + pinot.broker()
                    + " refused the query: UnknownColumnError: Unknown columnName 'placed_at' found in the query"
                    + " (Pinot error 710)").doesNotContain("\tat ");
        }
        assertThat(pinotProcesses).as("Pinot runs in a JVM of its own").isNotEmpty();
        assertThat(pinotProcesses).as("Pinot stopped").noneMatch(ProcessHandle::isAlive);
        BundleJar.Result brokerDown = BundleJar.run(directory, TIMEOUT, "pinot", "query", "--broker",
                "127.0.0.1:" + closedPort(), "select 1 from session_metrics");
        assertThat(brokerDown.exitCode()).as(brokerDown.toString()).isEqualTo(3);
        assertThat(brokerDown.stderr()).contains("error: no Pinot broker answers at 127.0.0.1:")
                .doesNotContain("Exception");
    }

    /** A port nothing listens on: one the system just handed out and took back. */
    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> lines(String action, List<String> names) {
        List<String> lines = new ArrayList<>();
        names.forEach(name -> lines.add(action + " schema " + name));
        names.forEach(name -> lines.add(action + " table " + name));
        return lines;
    }

    private static String[] append(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }
}
