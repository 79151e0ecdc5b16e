package io.shopstream.localstack;

/** A port the embedded stack needs is held by another process. */
public final class PortTakenException extends RuntimeException {

    public PortTakenException(String message) {
        super(message);
    }
}
