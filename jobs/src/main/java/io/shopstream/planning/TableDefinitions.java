package io.shopstream.planning;

import io.shopstream.variables.ResolvedStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which statement created each table of a pipeline's environment. Flink checks a table's connector options only when
 * a query first reads or writes it, so an option typo in {@code sources/events.sql} surfaces while planning a
 * view or an INSERT elsewhere; its error names the table, and this sends the analyst to the table's own file.
 */
final class TableDefinitions {

    private static final Pattern TABLE_IN_MESSAGE = Pattern.compile("table '(?:[^'.]+\\.)*([^'.]+)'");

    private final Map<String, ResolvedStatement> creators = new HashMap<>();

    void define(String table, ResolvedStatement createdBy) {
        creators.put(table, createdBy);
    }

    /** The problem at the CREATE of the table the error is about, or else at {@code current}. */
    SqlProblem translate(Throwable error, ResolvedStatement current) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Matcher matcher = TABLE_IN_MESSAGE.matcher(String.valueOf(cause.getMessage()));
            if (matcher.find() && creators.containsKey(matcher.group(1))) {
                return SqlErrorTranslator.translate(error, creators.get(matcher.group(1)));
            }
        }
        return SqlErrorTranslator.translate(error, current);
    }
}
