package io.shopstream.variables;

import io.shopstream.sql.TextPosition;
import java.util.List;
import java.util.stream.Collectors;

/** One or more {@code ${NAME}} references in a statement have no value; each names its file, line and column. */
public class UnresolvedVariableException extends RuntimeException {

    public record Problem(String file, TextPosition position, String variable, String message) {
        @Override
        public String toString() {
            return file + ":" + position + ": " + message;
        }
    }

    private final List<Problem> problems;

    UnresolvedVariableException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
