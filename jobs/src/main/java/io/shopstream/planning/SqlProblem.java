package io.shopstream.planning;

import io.shopstream.sql.TextPosition;

/** Something wrong in the SQL, at a place in the analyst's file: printed as {@code file:line:column: message}. */
public record SqlProblem(String file, TextPosition position, String message) {

    @Override
    public String toString() {
        return file + ":" + position + ": " + message;
    }
}
