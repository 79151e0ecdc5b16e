package io.shopstream.pinot;

/** Pinot refused a query; the message is Pinot's own. */
public final class PinotQueryException extends RuntimeException {

    public PinotQueryException(String message) {
        super(message);
    }
}
