package io.shopstream.testing;

import io.shopstream.cli.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A command of the launcher run in process, with what it printed and returned. */
public record LauncherRun(int exitCode, String stdout, String stderr) {

    /** Runs {@code arguments} as a command line; stdout and stderr are captured for the duration. */
    public static synchronized LauncherRun of(String... arguments) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exitCode = Launcher.execute(arguments);
            return new LauncherRun(exitCode, stdout.toString(StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Both streams, for assertion messages. */
    public String output() {
        return "stdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
}
