package io.shopstream.benchmark;

/** A benchmark that could not be measured: a contender failed, did not finish, or gave no results. */
public final class BenchmarkException extends RuntimeException {

    BenchmarkException(String message) {
        super(message);
    }

    BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
