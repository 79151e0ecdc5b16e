package io.shopstream.upgrading;

/**
 * An upgrade stopped part way, or could not start: the message says what failed, what state the old job, the savepoint
 * and the new job are in now, and how to roll back.
 */
public final class UpgradeFailedException extends RuntimeException {

    public UpgradeFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
