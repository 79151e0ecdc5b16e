package io.shopstream.it;

import io.shopstream.bootstrap.JavaProcess;
import io.shopstream.bootstrap.NestedRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Flink command-line client as a distribution's {@code bin/flink} runs it: {@code CliFrontend} in a JVM of its
 * own, on Flink's jars (the bundle's {@code flink} runtime, the cluster's version), configured by the cluster's
 * {@code config.yaml} through {@code FLINK_CONF_DIR}. A program it runs ({@code run shopstream.jar ...}) has its main
 * method called in this JVM, with this JVM's environment.
 */
final class FlinkCli {

    private static final String MAIN_CLASS = "org.apache.flink.client.cli.CliFrontend";

    record Result(int exitCode, String output, Duration took) {
        @Override
        public String toString() {
            return "flink exited with " + exitCode + " after " + took.toMillis() + " ms\n" + output;
        }
    }

    private final Path configDirectory;
    private final Map<String, String> environment;

    /** @param environment added to the client's environment: the launcher's variables, e.g. TOPIC_PREFIX */
    FlinkCli(Path configDirectory, Map<String, String> environment) {
        this.configDirectory = configDirectory;
        this.environment = Map.copyOf(environment);
    }

    /** Runs {@code flink ARGS...} in {@code workingDirectory}, waiting at most {@code timeout}. */
    Result run(Path workingDirectory, Duration timeout, String... args) throws IOException, InterruptedException {
        Path output = Files.createTempFile(workingDirectory, "flink-cli-", ".log");
        List<String> command = JavaProcess.of(MAIN_CLASS)
                .options(JavaProcess.FLINK_JAVA17_OPTIONS)
                .options(List.of("-Xmx512m",
                        "-Dlog4j2.configurationFile=" + configDirectory.resolve("log4j2.properties").toUri()))
                .classpath(NestedRuntime.named("flink", FlinkCli.class.getClassLoader()).jars())
                .command(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("FLINK_CONF_DIR", configDirectory.toString());
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("flink " + String.join(" ", args) + " did not exit within " + timeout
                        + "\n" + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            process.destroyForcibly();
        }
    }
}
