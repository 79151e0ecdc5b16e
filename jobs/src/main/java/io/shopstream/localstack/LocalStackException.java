package io.shopstream.localstack;

/** An embedded service did not start or stopped working; the message says which and where its log is. */
public final class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
