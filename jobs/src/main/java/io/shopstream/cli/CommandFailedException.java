package io.shopstream.cli;

/**
 * A command failed inside a JVM of Flink's ({@code flink run}, or a JobManager running the jar through REST), where
 * the launcher must not exit: Flink reports this instead, with the message the command printed.
 */
public final class CommandFailedException extends RuntimeException {

    public CommandFailedException(String message) {
        super(message);
    }
}
