package io.shopstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.localstack.LocalPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upgrade}'s command line, in process and without a cluster: what it refuses before talking to a JobManager,
 * and what it says when none answers. The upgrade itself: PipelineUpgradeTest (scripted JobManager) and
 * SessionClusterIT (a real one).
 */
class UpgradeCommandTest {

    private static final String SQL = Path.of("..", "sql").toString();

    @TempDir
    Path temporary;

    @Test
    void aJobManagerThatDoesNotAnswerIsAFailureThatChangedNothing() throws Exception {
        Path jar = Files.write(temporary.resolve("shopstream.jar"), new byte[16]);
        String address = "http://127.0.0.1:" + LocalPorts.free();

        Launcher.Outcome outcome = Launcher.executeForOutcome("upgrade", "session_metrics", "--jobmanager", address,
                "--jar", jar.toString(), "--sql-dir", SQL);

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(outcome.error()).startsWith("upgrade of session_metrics@v3 on " + address + " failed while reaching"
                + " the JobManager: no Flink JobManager answers at " + address).endsWith("\nNothing was changed.");
    }

    @Test
    void anAddressThatIsNotHttpIsBadInput() throws Exception {
        Path jar = Files.write(temporary.resolve("shopstream.jar"), new byte[16]);

        Launcher.Outcome outcome = Launcher.executeForOutcome("upgrade", "session_metrics", "--jobmanager",
                "localhost:8081", "--jar", jar.toString(), "--sql-dir", SQL);

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(outcome.error()).isEqualTo("--jobmanager localhost:8081 is not an http(s) address: write e.g."
                + " http://localhost:8081");
    }

    @Test
    void aMissingJarIsBadInput() {
        Launcher.Outcome outcome = Launcher.executeForOutcome("upgrade", "session_metrics", "--jobmanager",
                "http://localhost:8081", "--jar", temporary.resolve("nowhere.jar").toString(), "--sql-dir", SQL);

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(outcome.error()).startsWith("--jar " + temporary.resolve("nowhere.jar") + " is not a readable file");
    }

    @Test
    void withoutAJarTheLauncherMustRunFromOne() {
        Launcher.Outcome outcome = Launcher.executeForOutcome("upgrade", "session_metrics", "--jobmanager",
                "http://localhost:8081", "--sql-dir", SQL);

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(outcome.error()).startsWith("this launcher does not run from a jar")
                .endsWith("name the build with --jar jobs/target/shopstream.jar");
    }

    @Test
    void anUnknownPipelineIsBadInput() {
        Launcher.Outcome outcome = Launcher.executeForOutcome("upgrade", "sesion_metrics", "--jobmanager",
                "http://localhost:8081", "--sql-dir", SQL);

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(outcome.error()).contains("sesion_metrics");
    }

    @Test
    void theJobManagerAddressIsRequired() {
        Launcher.Outcome outcome = Launcher.executeForOutcome("upgrade", "session_metrics", "--sql-dir", SQL);

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.error()).isEqualTo("Missing required option: '--jobmanager=URL'");
    }
}
