package io.shopstream.plans;

/** A committed plan file that cannot be used as it is (not JSON, not a plan, not writable): the message says why. */
public class PlanFileException extends RuntimeException {

    public PlanFileException(String message) {
        super(message);
    }
}
