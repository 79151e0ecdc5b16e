package io.shopstream.variables;

import io.shopstream.sql.SqlScript;
import io.shopstream.sql.Statement;
import io.shopstream.sql.StatementSplitter;
import io.shopstream.sql.TextPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in a statement with its value. Comments are left as written (a header may mention a
 * variable without setting it); {@code $${NAME}} stands for a literal {@code ${NAME}}. Every reference that has no
 * value is reported with its file, line and column, and the closest known name when there is a likely typo.
 */
public final class VariableResolver {

    private static final Pattern REFERENCE = Pattern.compile("\\$?\\$\\{([^}\\s]*)}?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private VariableResolver() {}

    public static ResolvedStatement resolve(Statement statement, Variables variables) {
        String original = statement.text();
        StringBuilder resolved = new StringBuilder(original.length() + 64);
        List<ResolvedStatement.Segment> segments = new ArrayList<>();
        List<UnresolvedVariableException.Problem> problems = new ArrayList<>();
        int copiedUpTo = 0;
        for (int[] range : codeRanges(statement)) {
            Matcher matcher = REFERENCE.matcher(original).region(range[0], range[1]);
            while (matcher.find()) {
                String reference = matcher.group();
                String replacement;
                if (reference.startsWith("$$")) {
                    replacement = reference.substring(1);
                } else {
                    String name = matcher.group(1);
                    TextPosition where = statement.positionOf(matcher.start());
                    if (!reference.endsWith("}") || !NAME.matcher(name).matches()) {
                        problems.add(new UnresolvedVariableException.Problem(statement.script().name(), where, name,
                                "malformed variable reference " + reference + ": write ${NAME} with letters, digits "
                                        + "and underscores, or $${...} for a literal ${...}"));
                        continue;
                    }
                    if (variables.isSecret(name)) {
                        // Resolved SQL is printed, logged and compiled into plans: a secret must never be part of it.
                        problems.add(new UnresolvedVariableException.Problem(statement.script().name(), where, name,
                                "${" + name + "} is a secret, and SQL never holds secrets: leave the credential"
                                        + " options out of the SQL, the launcher adds them to every Kafka and MySQL"
                                        + " table from the profile (README: Secrets)"));
                        continue;
                    }
                    Optional<String> value = variables.lookup(name);
                    if (value.isEmpty()) {
                        problems.add(new UnresolvedVariableException.Problem(statement.script().name(), where, name,
                                unknownMessage(name, variables)));
                        continue;
                    }
                    replacement = value.get();
                }
                copy(original, copiedUpTo, matcher.start(), resolved, segments);
                segments.add(new ResolvedStatement.Segment(resolved.length(), matcher.start(), replacement.length(), true));
                resolved.append(replacement);
                copiedUpTo = matcher.end();
            }
        }
        if (!problems.isEmpty()) {
            throw new UnresolvedVariableException(problems);
        }
        copy(original, copiedUpTo, original.length(), resolved, segments);
        return new ResolvedStatement(statement, resolved.toString(), segments);
    }

    private static void copy(String original, int from, int to, StringBuilder resolved,
            List<ResolvedStatement.Segment> segments) {
        if (to > from) {
            segments.add(new ResolvedStatement.Segment(resolved.length(), from, to - from, false));
            resolved.append(original, from, to);
        }
    }

    /** Ranges of the statement text that are not comments, in order. */
    private static List<int[]> codeRanges(Statement statement) {
        List<int[]> ranges = new ArrayList<>();
        SqlScript alone = new SqlScript(statement.script().name(), statement.text());
        int from = 0;
        for (int[] comment : StatementSplitter.commentRanges(alone)) {
            if (comment[0] > from) {
                ranges.add(new int[] {from, comment[0]});
            }
            from = comment[1];
        }
        if (from < alone.text().length()) {
            ranges.add(new int[] {from, alone.text().length()});
        }
        return ranges;
    }

    private static String unknownMessage(String name, Variables variables) {
        StringBuilder message = new StringBuilder("unknown variable ${").append(name).append("}: not set in ")
                .append(variables.profile().source()).append(" nor in the environment");
        closest(name, variables).ifPresent(guess -> message.append(" (did you mean ${").append(guess).append("}?)"));
        return message.toString();
    }

    private static Optional<String> closest(String name, Variables variables) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : variables.declaredNames()) {
            int distance = editDistance(name.toUpperCase(), candidate.toUpperCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
