package io.shopstream.upgrading;

/** The JobManager answered a request with an error; the message is Flink's, shortened to its innermost cause. */
public final class JobManagerRequestException extends RuntimeException {

    private final int status;

    public JobManagerRequestException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }
}
