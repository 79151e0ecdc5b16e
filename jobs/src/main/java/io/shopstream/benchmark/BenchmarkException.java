package io.shopstream.benchmark;

/** A contender of the benchmark failed or did not finish: no figures for the run. */
public final class BenchmarkException extends RuntimeException {

    BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
