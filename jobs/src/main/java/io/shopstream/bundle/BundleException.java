package io.shopstream.bundle;

/** The SQL bundle is missing, unreadable or malformed (a file in the wrong place, a pipeline named wrongly). */
public class BundleException extends RuntimeException {

    public BundleException(String message) {
        super(message);
    }
}
