package io.shopstream.errors;

/** The innermost cause of a failure: usually the one that says what went wrong, wrapped by every layer above. */
public final class RootCause {

    private RootCause() {}

    /** {@code Type: message} of the innermost cause, or its full class name when it has no message. */
    public static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getName()
                : cause.getClass().getSimpleName() + ": " + message;
    }
}
