package io.shopstream.trial;

import java.util.List;

/**
 * What a trial produced: the pipeline's results, and the input they do not count, each record once: the events
 * that arrived after their window closed ({@code late_events}, written by the pipeline) and the malformed records
 * ({@code dead_letters}, written by the dead-letters pipeline running beside it).
 *
 * @param outputs the pipeline's own sinks, in the order its INSERTs write them
 * @param lateEvents the pipeline's late-event records, as JSON lines in commit order
 * @param deadLetters the dead-letter records, as JSON lines in commit order; empty when none ran
 */
public record TrialResult(List<TrialOutput> outputs, List<String> lateEvents, List<String> deadLetters) {

    public TrialResult {
        outputs = List.copyOf(outputs);
        lateEvents = List.copyOf(lateEvents);
        deadLetters = List.copyOf(deadLetters);
    }
}
