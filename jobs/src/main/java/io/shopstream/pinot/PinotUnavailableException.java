package io.shopstream.pinot;

/** No Pinot controller answers where one is expected; the message says where and what to do. */
public final class PinotUnavailableException extends RuntimeException {

    public PinotUnavailableException(String message) {
        super(message);
    }
}
