package io.shopstream.variables;

/** The requested profile does not exist or cannot be read. */
public class UnknownProfileException extends RuntimeException {

    public UnknownProfileException(String message) {
        super(message);
    }
}
