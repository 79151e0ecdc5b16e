package io.shopstream.planning;

import io.shopstream.sql.Statement;
import io.shopstream.variables.PipelineVariables;
import io.shopstream.variables.Variables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The exactly-once rules every Kafka sink must follow (DESIGN.md section 5), checked at validation so an analyst's
 * pull request cannot weaken them: exactly-once delivery, a transactional-id prefix unique to the pipeline, version
 * and environment, and a producer transaction timeout above the checkpoint interval and below the broker's maximum.
 */
final class SinkRules {

    static final String DELIVERY_GUARANTEE = "sink.delivery-guarantee";
    static final String TRANSACTIONAL_ID_PREFIX = "sink.transactional-id-prefix";
    static final String TRANSACTION_TIMEOUT = "properties.transaction.timeout.ms";
    /** Kafka's default {@code transaction.max.timeout.ms}; a producer asking for more is refused by the broker. */
    static final long BROKER_MAX_TRANSACTION_TIMEOUT_MS = Duration.ofMinutes(15).toMillis();

    private SinkRules() {}

    static List<SqlProblem> check(List<SinkTable> sinks, Variables pipelineVariables, Duration checkpointInterval) {
        List<SqlProblem> problems = new ArrayList<>();
        String requiredPrefix = pipelineVariables.require(PipelineVariables.TRANSACTIONAL_ID_PREFIX);
        Set<String> prefixes = new HashSet<>();
        for (SinkTable sink : sinks) {
            if (!sink.isKafka()) {
                continue;
            }
            String guarantee = sink.options().getOrDefault(DELIVERY_GUARANTEE, "");
            if (!guarantee.toLowerCase(Locale.ROOT).equals("exactly-once")) {
                problems.add(problem(sink, DELIVERY_GUARANTEE, "Kafka sink " + sink.name()
                        + " must write exactly-once: set '" + DELIVERY_GUARANTEE + "' = 'exactly-once'"
                        + " (anything less duplicates output rows whenever the job restarts)"));
            }
            String prefix = sink.options().getOrDefault(TRANSACTIONAL_ID_PREFIX, "");
            if (!prefix.startsWith(requiredPrefix)) {
                problems.add(problem(sink, TRANSACTIONAL_ID_PREFIX, "Kafka sink " + sink.name() + " needs '"
                        + TRANSACTIONAL_ID_PREFIX + "' = '${TRANSACTIONAL_ID_PREFIX}' (or that followed by a"
                        + " suffix), so its transactions never collide with another pipeline, version or"
                        + " environment; it is '" + prefix + "'"));
            } else if (!prefixes.add(prefix)) {
                problems.add(problem(sink, TRANSACTIONAL_ID_PREFIX, "Kafka sinks of one pipeline need distinct"
                        + " transactional-id prefixes: add a suffix to " + sink.name() + "'s, e.g."
                        + " '${TRANSACTIONAL_ID_PREFIX}." + sink.name() + "'"));
            }
            checkTransactionTimeout(sink, checkpointInterval).ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<SqlProblem> checkTransactionTimeout(SinkTable sink, Duration checkpointInterval) {
        String configured = sink.options().get(TRANSACTION_TIMEOUT);
        long timeout;
        try {
            timeout = configured == null ? -1 : Long.parseLong(configured.trim());
        } catch (NumberFormatException e) {
            timeout = -1;
        }
        if (timeout <= 0) {
            return Optional.of(problem(sink, TRANSACTION_TIMEOUT, "Kafka sink " + sink.name() + " needs '"
                    + TRANSACTION_TIMEOUT + "' in milliseconds (e.g. '${KAFKA_TRANSACTION_TIMEOUT_MS}'): Flink's"
                    + " default of 1 hour is above what Kafka brokers accept (15 minutes by default)"));
        }
        if (timeout > BROKER_MAX_TRANSACTION_TIMEOUT_MS) {
            return Optional.of(problem(sink, TRANSACTION_TIMEOUT, "Kafka sink " + sink.name()
                    + ": transaction timeout " + timeout + " ms is above the broker's default maximum"
                    + " (transaction.max.timeout.ms = " + BROKER_MAX_TRANSACTION_TIMEOUT_MS + " ms); the broker"
                    + " would refuse the producer"));
        }
        if (timeout <= checkpointInterval.toMillis()) {
            return Optional.of(problem(sink, TRANSACTION_TIMEOUT, "Kafka sink " + sink.name()
                    + ": transaction timeout " + timeout + " ms must be well above the checkpoint interval ("
                    + checkpointInterval.toMillis() + " ms), or transactions expire before they are committed"));
        }
        return Optional.empty();
    }

    /** A problem pointing at the option in the CREATE TABLE statement, or at the statement that matters. */
    private static SqlProblem problem(SinkTable sink, String option, String message) {
        Statement statement = sink.createdBy().orElse(sink.insert());
        int at = statement.text().indexOf("'" + option + "'");
        return new SqlProblem(statement.script().name(),
                at >= 0 ? statement.positionOf(at) : statement.position(), message);
    }
}
