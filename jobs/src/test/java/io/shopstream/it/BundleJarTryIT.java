package io.shopstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.reference.Rows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code try} through the bundle jar as shipped: its own broker and Flink, results alone on stdout. */
class BundleJarTryIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final Path TESTS = Path.of("..", "sql", "tests").toAbsolutePath().normalize();

    @TempDir
    Path workingDirectory;

    @Test
    void printsExactlyTheGoldenRowsOfTheUpsertPipelineOnStdout() throws Exception {
        Path folder = TESTS.resolve("session_metrics");

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "try", "session_metrics",
                "--events", folder.resolve("events.jsonl").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> stdout = result.stdout().lines().toList();
        Rows.assertSameRows(stdout, Rows.readLines(folder.resolve("expected.jsonl")), "try session_metrics");
        assertThat(stdout).isSortedAccordingTo(String::compareTo);
        assertThat(result.stderr()).as(result.toString())
                .contains("Read 26 events")
                .contains("session_metrics: ")
                .contains("(final row per key)")
                .contains("Done: session_metrics@v1");
        System.out.printf("try session_metrics through the jar took %.1f s%n", result.took().toMillis() / 1000.0);
    }

    @Test
    void aDirectoryGivenAsEventsIsAClearErrorBeforeAnythingStarts() throws Exception {
        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "try", "active_users_1m",
                "--events", workingDirectory.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString())
                .contains("error: " + workingDirectory + " is a directory: --events takes a file of JSON lines")
                .doesNotContain("\tat ");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void badLinesAreListedWithTheirLineNumbers() throws Exception {
        Path events = workingDirectory.resolve("events.jsonl");
        Files.writeString(events, String.join("\n",
                Files.readAllLines(TESTS.resolve("active_users_1m/events.jsonl")).get(0),
                "{\"event_type\":\"refund\",\"session_id\":\"s\"}",
                "not json",
                ""));

        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "try", "active_users_1m",
                "--events", events.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString())
                .contains(events + ":2: unknown event_type 'refund'")
                .contains(events + ":3: not JSON");
    }

    @Test
    void anUnknownPipelineListsTheKnownOnes() throws Exception {
        BundleJar.Result result = BundleJar.run(workingDirectory, TIMEOUT, "try", "active_user",
                "--events", TESTS.resolve("active_users_1m/events.jsonl").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString())
                .contains("unknown pipeline 'active_user'")
                .contains("active_users_1m.v1");
    }
}
