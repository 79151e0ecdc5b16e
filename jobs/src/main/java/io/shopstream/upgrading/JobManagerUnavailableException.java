package io.shopstream.upgrading;

/** No Flink JobManager answers at the address given, or it stopped answering. */
public final class JobManagerUnavailableException extends RuntimeException {

    public JobManagerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
