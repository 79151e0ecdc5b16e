package io.shopstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server in a child JVM (the Kafka broker, Pinot) whose output goes to a log file and which stops when its standard
 * input closes: asked to by {@link #stop}, or because this JVM died.
 */
final class ServerProcess {

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Writes a Log4j 2 configuration into {@code directory} for a server JVM: WARN and above to its log, plus
     * {@code loggerLevels} ({@code logger name -> level}); returns the file, for {@code -Dlog4j2.configurationFile}.
     */
    static Path writeLogConfig(Path directory, Map<String, String> loggerLevels) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1} - %m%n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.out.ref = out"));
        int index = 0;
        for (Map.Entry<String, String> logger : loggerLevels.entrySet()) {
            lines.add("logger.l" + index + ".name = " + logger.getKey());
            lines.add("logger.l" + index++ + ".level = " + logger.getValue());
        }
        Path file = directory.resolve("log4j2.properties");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    static ServerProcess start(List<String> command, Path log) throws IOException {
        return start(command, log, Optional.empty(), Map.of());
    }

    /**
     * Starts {@code command} in {@code workingDirectory} (else this JVM's), with {@code environment} added to this
     * JVM's environment.
     */
    static ServerProcess start(List<String> command, Path log, Optional<Path> workingDirectory,
            Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        workingDirectory.ifPresent(directory -> builder.directory(directory.toFile()));
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start(), log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Why it is gone, with the end of its log, when it died on its own. */
    String exitReport(String what) {
        return what + " exited with code " + process.exitValue() + ":\n" + tail(15) + "\n(full log: " + log + ")";
    }

    /** Closes its standard input and waits for it to exit, killing it after {@code grace}. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills it with SIGKILL (no shutdown hooks, no chance to finish anything) and waits until it is gone. */
    void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
