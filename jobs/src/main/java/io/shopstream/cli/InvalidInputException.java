package io.shopstream.cli;

/** A file or argument the user gave is wrong (an events file that is not JSON lines, a directory for a file). */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
