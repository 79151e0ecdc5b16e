package io.shopstream.cli;

/** Something the launcher depends on failed (a broker, a cluster, a job); the message says what to do about it. */
public class LauncherException extends RuntimeException {

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
