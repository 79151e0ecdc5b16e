package io.shopstream.pinot;

/** A Pinot config that cannot be read or does not agree with the pipelines; the message says which and where. */
public final class PinotConfigException extends RuntimeException {

    public PinotConfigException(String message) {
        super(message);
    }
}
