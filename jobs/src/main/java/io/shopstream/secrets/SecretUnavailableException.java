package io.shopstream.secrets;

/** A secret the profile names cannot be read: the environment variable is not set, the file is not there. */
public class SecretUnavailableException extends RuntimeException {

    public SecretUnavailableException(String message) {
        super(message);
    }
}
