package io.shopstream.plans;

/** A pipeline cannot run from its committed plan: there is none, or it is not what the SQL compiles to. */
public class PlanMismatchException extends RuntimeException {

    public PlanMismatchException(String message) {
        super(message);
    }
}
