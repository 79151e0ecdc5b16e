package io.shopstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.shopstream.testing.LauncherRun;
import io.shopstream.testing.RepositorySql;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code pinot} verbs' auth token against a scripted HTTP server standing in for a Pinot controller and broker
 * with access control: the token arrives as the {@code Authorization} header, and never shows in what the launcher
 * prints, even when the server quotes it back in an error (the real Pinot of the ITs runs without access control).
 */
class PinotAuthTest {

    private static final String TOKEN = "Basic YWRtaW46dmVyeXNlY3JldC10b2tlbg==";

    @TempDir
    Path temporary;

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // The controller refuses every request, quoting the header it got, as some proxies do.
        server.createContext("/schemas", exchange -> {
            String header = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            authorizations.add(header);
            respond(exchange, 403, "{\"code\":403,\"error\":\"Permission denied for " + header + "\"}");
        });
        // The broker answers a query, as Pinot 0.11's broker does.
        server.createContext("/query/sql", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 200, "{\"resultTable\":{\"dataSchema\":{\"columnNames\":[\"sessions\"],"
                    + "\"columnDataTypes\":[\"LONG\"]},\"rows\":[[42]]},\"exceptions\":[],\"numServersQueried\":1,"
                    + "\"numServersResponded\":1,\"timeUsedMs\":3}");
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void applySendsTheTokenFromAFileAndMasksItWhereTheControllerQuotesIt() throws Exception {
        Path tokenFile = Files.writeString(temporary.resolve("pinot-token"), TOKEN + "\n");

        LauncherRun run = LauncherRun.of("pinot", "apply", "--controller", "http://" + address(), "--pinot-version",
                "0.11.0", "--auth-token-file", tokenFile.toString(), "--sql-dir", RepositorySql.DIRECTORY.toString(),
                "--pinot-dir", RepositorySql.PINOT_SCHEMAS.toString(), "--dry-run");

        assertThat(authorizations).isNotEmpty().allMatch(TOKEN::equals);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.stderr()).contains("error: the Pinot controller at http://" + address() + " refused GET"
                        + " /schemas/").contains("(HTTP 403): Permission denied for ****\n")
                .doesNotContain("YWRtaW46dmVyeXNlY3JldC10b2tlbg");
    }

    @Test
    void queryAndItsVerboseOutputSendTheTokenAndNeverPrintIt() {
        LauncherRun run = LauncherRun.of("pinot", "query", "--broker", address(), "--auth-token", TOKEN,
                "--sql-dir", RepositorySql.DIRECTORY.toString(), "--pinot-dir", RepositorySql.PINOT_SCHEMAS.toString(),
                "--verbose", "SELECT COUNT(*) AS sessions FROM session_metrics_v3");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(authorizations).containsExactly(TOKEN);
        assertThat(run.stdout()).contains("42");
        assertThat(run.output()).doesNotContain("YWRtaW46dmVyeXNlY3JldC10b2tlbg");
    }

    @Test
    void withoutATokenNoHeaderIsSent() {
        LauncherRun run = LauncherRun.of("pinot", "query", "--broker", address(),
                "--pinot-dir", RepositorySql.PINOT_SCHEMAS.toString(), "SELECT 1 AS sessions FROM session_metrics_v3");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(authorizations).containsExactly("null");
    }
}
