package io.shopstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code tail}'s arguments, checked in process before any Kafka is asked (the reading is in BundleJarTailIT). */
class TailCommandTest {

    @Test
    void maxBelowOneIsBadInput() {
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            exitCode = Launcher.execute("tail", "active_users_1m", "--max", "0");
        } finally {
            System.setErr(err);
        }

        assertThat(exitCode).isEqualTo(ExitCodes.INVALID);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("error: --max must be at least 1\n");
    }
}
