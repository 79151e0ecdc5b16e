package io.shopstream.planning;

import java.util.List;
import java.util.stream.Collectors;

/** The SQL cannot be planned; each problem points at a file, line and column. */
public class SqlProblemException extends RuntimeException {

    private final List<SqlProblem> problems;

    public SqlProblemException(List<SqlProblem> problems) {
        super(problems.stream().map(SqlProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public SqlProblemException(SqlProblem problem) {
        this(List.of(problem));
    }

    public List<SqlProblem> problems() {
        return problems;
    }
}
