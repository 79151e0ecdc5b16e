package io.shopstream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopstream.localstack.LocalPorts;
import io.shopstream.testing.LauncherRun;
import io.shopstream.testing.RepositorySql;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad inputs of README's "Errors people can act on" table that need no running component, through the launcher
 * in process: each exits with its code and says what is wrong and what to do, and none prints a stack trace unless
 * {@code --verbose} asks for one. (The rows that need a real broker, Pinot or the jar are ITs: see the README.)
 */
class BadInputTest {

    @TempDir
    static Path temporary;

    private static final String SQL = RepositorySql.DIRECTORY.toString();
    private static final String PINOT = RepositorySql.PINOT_SCHEMAS.toString();
    private static ServerSocket takenPort;
    private static final List<Case> CASES = new ArrayList<>();

    /** A command line, the exit code it must end with, and what its stderr must say. */
    record Case(String name, List<String> arguments, int exitCode, String says, boolean traceWithVerbose) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static void add(String name, int exitCode, String says, boolean traceWithVerbose, String... arguments) {
        CASES.add(new Case(name, Arrays.asList(arguments), exitCode, says, traceWithVerbose));
    }

    @BeforeAll
    static void badInputs() throws IOException {
        Path broken = RepositorySql.copyInto(temporary.resolve("broken"));
        Files.writeString(broken.resolve("profiles/malformed.properties"), "TOPIC_PREFIX=C:\\users\\x\n");
        Path typo = RepositorySql.copyInto(temporary.resolve("typo"));
        String productMetrics = RepositorySql.replaceOnce(typo.resolve("pipelines/product_metrics_1m.v1.sql"),
                "GROUP BY", "GRUOP BY");
        String events = RepositorySql.replaceOnce(broken.resolve("sources/events.sql"),
                "'${TOPIC_PREFIX}page_view;", "'${TOPIC_PERFIX}page_view;");
        Files.createDirectories(temporary.resolve("events.jsonl"));
        takenPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        String nowhere = temporary.resolve("nowhere").toString();
        String free = String.valueOf(LocalPorts.free());

        add("unknown command", ExitCodes.USAGE, "Unmatched argument at index 0: 'nope'", false, "nope");
        add("unknown option", ExitCodes.USAGE, "Unknown option: '--nope'", false, "validate", "--nope");
        add("unknown pipeline", ExitCodes.INVALID, "error: unknown pipeline 'sessions'. Pipelines in " + SQL
                + "/pipelines: active_users_1m.v1, dead_letters.v1, product_metrics_1m.v1,"
                + " session_metrics.v3", true,
                "validate", "sessions", "--sql-dir", SQL);
        add("missing profile", ExitCodes.INVALID, "error: profile 'staging' does not exist: no " + SQL
                + "/profiles/staging.properties. Known profiles: local, prod", true,
                "validate", "--profile", "staging", "--sql-dir", SQL);
        add("malformed profile file", ExitCodes.INVALID, "error: cannot parse " + broken
                + "/profiles/malformed.properties: Malformed \\uxxxx encoding. (a backslash starts an escape in a"
                + " .properties file: write \\\\ for one backslash)", true,
                "validate", "--profile", "malformed", "--sql-dir", broken.toString());
        add("SQL directory that does not exist", ExitCodes.INVALID, "error: SQL directory " + nowhere
                + " does not exist or is not a directory", true, "validate", "--sql-dir", nowhere);
        add("bad SQL", ExitCodes.INVALID, typo + "/pipelines/product_metrics_1m.v1.sql:"
                + RepositorySql.lineAndColumn(productMetrics, productMetrics.indexOf("GRUOP")) + ": Encountered"
                + " \"GRUOP\"", false,
                "validate", "product_metrics_1m", "--profile", "local", "--sql-dir", typo.toString());
        add("unknown variable", ExitCodes.INVALID, broken + "/sources/events.sql:"
                + RepositorySql.lineAndColumn(events, events.indexOf("${TOPIC_PERFIX}")) + ": unknown variable"
                + " ${TOPIC_PERFIX}: not set in " + broken + "/profiles/local.properties nor in the environment"
                + " (did you mean ${TOPIC_PREFIX}?)", false,
                "validate", "active_users_1m", "--profile", "local", "--sql-dir", broken.toString());
        add("events file that does not exist", ExitCodes.INVALID, "error: " + nowhere + " does not exist", true,
                "try", "active_users_1m", "--events", nowhere, "--sql-dir", SQL);
        add("--events is a directory", ExitCodes.INVALID, "error: " + temporary.resolve("events.jsonl")
                + " is a directory: --events takes a file of JSON lines", true,
                "try", "active_users_1m", "--events", temporary.resolve("events.jsonl").toString(), "--sql-dir", SQL);
        add("number out of range", ExitCodes.INVALID, "error: --partitions must be at least 1", true,
                "try", "active_users_1m", "--events", nowhere, "--partitions", "0", "--sql-dir", SQL);
        add("bad duration", ExitCodes.USAGE, "Invalid value for option '--timeout': 'soon' is not a duration: write"
                + " e.g. 500ms, 10s, 5m or 2h", false,
                "upgrade", "session_metrics", "--jobmanager", "http://localhost:8081", "--timeout", "soon");
        add("bad --jobmanager", ExitCodes.INVALID, "error: --jobmanager localhost:8081 is not an http(s) address:"
                + " write e.g. http://localhost:8081", true, "upgrade", "session_metrics", "--jobmanager",
                "localhost:8081", "--jar", SQL + "/functions.sql", "--sql-dir", SQL);
        add("no JobManager at --jobmanager", ExitCodes.FAILED, "failed while reaching the JobManager: no Flink"
                + " JobManager answers at http://127.0.0.1:" + free, true, "upgrade", "session_metrics",
                "--jobmanager", "http://127.0.0.1:" + free, "--jar", SQL + "/functions.sql", "--sql-dir", SQL);
        add("Pinot controller down", ExitCodes.FAILED, "error: no Pinot controller answers at http://127.0.0.1:"
                + free + " (java.net.ConnectException): is it running? (`local` starts one; --controller sets"
                + " where)", true, "pinot", "apply", "--controller", "http://127.0.0.1:" + free, "--sql-dir", SQL,
                "--pinot-dir", PINOT);
        add("Pinot broker down", ExitCodes.FAILED, "error: no Pinot broker answers at 127.0.0.1:" + free + ": is"
                + " Pinot running? (`local` starts one; --broker sets where)", true,
                "pinot", "query", "--broker", "127.0.0.1:" + free, "--pinot-dir", PINOT,
                "SELECT 1 FROM session_metrics");
        add("port already taken", ExitCodes.FAILED, "error: port " + takenPort.getLocalPort() + " (Flink dashboard"
                + " and REST API, --flink-port) is already in use: stop what holds it (`ss -ltnp | grep :"
                + takenPort.getLocalPort() + "`) or choose another port", true,
                "run", "--flink-port", String.valueOf(takenPort.getLocalPort()), "--sql-dir", SQL);
        add("bad generator rate", ExitCodes.INVALID, "error: --rate must be a positive number of events per second",
                true, "generate", "--rate", "-5", "--count", "1", "--output", "-");
        add("bad probe count", ExitCodes.INVALID, "error: --probes must be at least 1", true,
                "pinot", "freshness", "--probes", "0");
        add("bad repeat count", ExitCodes.INVALID, "error: --repeat must be at least 1", true,
                "bench", "--repeat", "0", "--sql-dir", SQL);
    }

    @AfterAll
    static void releasePort() throws IOException {
        takenPort.close();
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void saysWhatIsWrongWithItsExitCodeAndNoStackTrace(Case bad) {
        LauncherRun run = LauncherRun.of(bad.arguments().toArray(String[]::new));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(bad.exitCode());
        assertThat(run.stderr()).as(run.output()).contains(bad.says())
                .doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(run.stdout()).doesNotContain("\tat ");
        if (bad.traceWithVerbose()) {
            List<String> verbose = new ArrayList<>(bad.arguments());
            verbose.add(1, "--verbose");
            if (bad.arguments().get(0).equals("pinot")) {
                verbose = new ArrayList<>(bad.arguments());
                verbose.add(2, "--verbose");
            }
            LauncherRun traced = LauncherRun.of(verbose.toArray(String[]::new));
            assertThat(traced.exitCode()).isEqualTo(bad.exitCode());
            assertThat(traced.stderr()).as(traced.output()).contains(bad.says()).contains("\tat io.shopstream.");
        }
    }

    @Test
    void theTableHasAtLeastTwentyRowsWithTheITs() {
        // README's table: these, plus rows proven by ITs and other tests (named in the README).
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(19);
    }

    @Test
    void aJarBuiltForAnotherFlinkRefusesToRunUnderFlinkRunBeforeDoingAnything() {
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> Launcher.runInsideFlink(new String[] {"run", "--profile", "prod"}, "1.19.1"))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessage("shopstream run --profile prod failed (exit code 3): this jar is built for Flink 1.20.3"
                            + " but runs on Flink 1.19.1: its table planner, compiled plans and Kafka connector need"
                            + " Flink 1.20.x. Submit it with a Flink 1.20 client to a Flink 1.20 cluster, or build the"
                            + " jar for this Flink (flink.version in pom.xml; the committed plans are then recompiled"
                            + " with `plan`)");
        } finally {
            System.setErr(err);
        }
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .startsWith("error: this jar is built for Flink 1.20.3 but runs on Flink 1.19.1:")
                .doesNotContain("\tat ");
    }
}
