package io.shopstream.variables;

/** A variable the launcher needs has no value anywhere. */
public class UnknownVariableException extends RuntimeException {

    public UnknownVariableException(String message) {
        super(message);
    }
}
