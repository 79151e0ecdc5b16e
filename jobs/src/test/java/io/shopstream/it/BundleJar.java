package io.shopstream.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code jobs/target/shopstream.jar} as users do: {@code java -jar}, in a directory of the caller's choice. */
final class BundleJar {

    record Result(int exitCode, String stdout, String stderr, Duration took) {
        @Override
        public String toString() {
            return "exit " + exitCode + " after " + took.toMillis() + " ms\n--- stdout\n" + stdout + "--- stderr\n"
                    + stderr;
        }
    }

    private BundleJar() {}

    static Path path() {
        String configured = System.getProperty("shopstream.bundleJar");
        Path jar = Path.of(configured != null ? configured : "target/shopstream.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after `mvn package`");
        }
        return jar;
    }

    /** A run of the jar that goes on until stopped: its output is read while it runs. */
    record Running(Process process, Path stdout, Path stderr) implements AutoCloseable {

        String stdoutText() {
            return read(stdout);
        }

        String stderrText() {
            return read(stderr);
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Kills whatever is left of it, and removes its output files. */
        @Override
        public void close() throws IOException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** Starts the jar with {@code args} in {@code workingDirectory}, without waiting for it. */
    static Running start(Path workingDirectory, String... args) throws IOException {
        Path stdout = Files.createTempFile("shopstream-out-", ".txt");
        Path stderr = Files.createTempFile("shopstream-err-", ".txt");
        Process process = new ProcessBuilder(command(args))
                .directory(workingDirectory.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        return new Running(process, stdout, stderr);
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the jar with {@code args} in {@code workingDirectory}, waiting at most {@code timeout}. */
    static Result run(Path workingDirectory, Duration timeout, String... args)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        try (Running running = start(workingDirectory, args)) {
            if (!running.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("shopstream.jar " + String.join(" ", args) + " did not exit within "
                        + timeout + "\n" + running.stderrText());
            }
            return new Result(running.process().exitValue(), running.stdoutText(), running.stderrText(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
